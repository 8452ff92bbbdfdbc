/** Strings of the notice that imported data is shown. */
import { defineStrings } from './lookup';

export const tUserData = defineStrings({
  zh: {
    yourData: '你导入的数据：',
    mode_combined: '与内置数据一并显示',
    mode_user: '只显示导入的数据',
    mode_bundled: '已隐藏（只显示内置数据）',
    notKept: '（此浏览器无法保存，刷新后需重新导入）',
    manage: '管理',
  },
  en: {
    yourData: 'Your imported data: ',
    mode_combined: 'shown beside the bundled figures',
    mode_user: 'shown instead of the bundled figures',
    mode_bundled: 'hidden (bundled figures only)',
    notKept: ' (this browser cannot keep it after a reload)',
    manage: 'Manage',
  },
});
