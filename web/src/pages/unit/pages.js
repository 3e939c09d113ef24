// The recommending unit's pages, by path (routes.json), for the app's page table.
import routes from '../../routes.json';
import { Bind } from './Bind.jsx';
import { CaseReview } from './CaseReview.jsx';
import { Review } from './Review.jsx';
import { Unit } from './Unit.jsx';

export const UNIT_PAGES = {
  [routes.unit]: { title: '本单位', Page: Unit, signedIn: true },
  [routes.unitBind]: { title: '绑定推荐码', Page: Bind, signedIn: true },
  [routes.unitReview]: { title: '审核推荐', Page: Review, signedIn: true },
  [routes.unitCase]: { title: '审核案例', Page: CaseReview, signedIn: true },
};
