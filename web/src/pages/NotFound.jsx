import { Link } from '../router.jsx';
import routes from '../routes.json';

export function NotFound() {
  return (
    <>
      <h1 tabIndex={-1}>页面不存在</h1>
      <p class="lead">您访问的页面不存在，请检查网址。</p>
      <p><Link to={routes.home}>返回首页</Link></p>
    </>
  );
}
