import { useEffect, useRef, useState } from 'preact/hooks';
import { Deadline } from './deadline.jsx';
import { CaseEdit } from './pages/CaseEdit.jsx';
import { Cases } from './pages/Cases.jsx';
import { ForgotPassword } from './pages/ForgotPassword.jsx';
import { Home } from './pages/Home.jsx';
import { Join } from './pages/Join.jsx';
import { NotFound } from './pages/NotFound.jsx';
import { Register } from './pages/Register.jsx';
import { ResetPassword } from './pages/ResetPassword.jsx';
import { SignIn } from './pages/SignIn.jsx';
import { Verify } from './pages/Verify.jsx';
import { UNIT_PAGES } from './pages/unit/pages.js';
import { Link, navigate, useLocation } from './router.jsx';
import routes from './routes.json';

const SITE = '典赞·科普中国 案例征集';
const PAGES = {
  [routes.home]: { title: '我的账号', Page: Home, signedIn: true },
  [routes.register]: { title: '注册', Page: Register },
  [routes.verify]: { title: '验证邮箱', Page: Verify },
  [routes.signIn]: { title: '登录', Page: SignIn },
  [routes.forgotPassword]: { title: '忘记密码', Page: ForgotPassword },
  [routes.resetPassword]: { title: '重置密码', Page: ResetPassword },
  [routes.join]: { title: '加入推荐单位', Page: Join, signedIn: true },
  [routes.myCases]: { title: '我的案例', Page: Cases, signedIn: true },
  [routes.myCase]: { title: '案例信息表', Page: CaseEdit, signedIn: true },
  ...UNIT_PAGES,
};
const NOT_FOUND = { title: '页面不存在', Page: NotFound };

/** Where the reader is (path and query): signing in again comes back here, to a draft kept in this browser. */
function here() {
  return location.pathname + location.search;
}

export function App({ api, session }) {
  const location = useLocation();
  const [signedIn, setSignedIn] = useState(() => session.current());
  const page = PAGES[location.path] ?? NOT_FOUND;
  const first = useRef(true);

  useEffect(() => session.subscribe((state, reason) => {
    setSignedIn(state);
    if (!state && reason) navigate(routes.signIn, { replace: true, state: { notice: reason, from: here() } });
  }), []);

  useEffect(() => {
    if (page.signedIn && !signedIn) navigate(routes.signIn, { replace: true, state: { from: here() } });
  }, [page, signedIn]);

  // a new page: its title, and the focus on its heading (not on the first load: the reader starts at the top)
  useEffect(() => {
    document.title = `${page.title} - ${SITE}`;
    if (first.current) {
      first.current = false;
    } else {
      document.querySelector('main h1')?.focus();
    }
  }, [location.path]);

  async function signOut() {
    await session.signOut();
    navigate(routes.signIn, { state: { notice: '您已退出登录。' } });
  }

  const { Page } = page;
  return (
    <>
      <a class="skip-link" href="#main">跳到主要内容</a>
      <header class="site-header">
        <div class="bar">
          <Link class="site-title" to={routes.home}>{SITE}</Link>
          <nav aria-label="账号">
            {signedIn ? (
              <>
                {signedIn.account?.accountType === 'RECOMMENDER' && (
                  <Link to={routes.unit} aria-current={location.path.startsWith(routes.unit) ? 'page' : undefined}>本单位</Link>
                )}
                <span class="who">{signedIn.account?.person?.name}</span>
                <button type="button" class="link-button" onClick={signOut}>退出登录</button>
              </>
            ) : (
              <>
                <Link to={routes.signIn} aria-current={location.path === routes.signIn ? 'page' : undefined}>登录</Link>
                <Link to={routes.register} aria-current={location.path === routes.register ? 'page' : undefined}>注册</Link>
              </>
            )}
          </nav>
        </div>
        <Deadline api={api} />
      </header>
      <main id="main" tabIndex={-1}>
        {page.signedIn && !signedIn ? null : <Page key={location.path} api={api} session={session} state={location.state} />}
      </main>
      <footer class="site-footer">
        <p>中国科协科普部 “典赞·科普中国”科普案例征集</p>
      </footer>
    </>
  );
}
