/**
 * Passwords that guessing tools try first: the most common ones in published leak lists (global and
 * Chinese — pinyin phrases, dates, keyboard walks), plus this product's own demo password. Compared after
 * NFKC, trimming and lower-casing (`isCommonPassword`), so `Password` and `ＰＡＳＳＷＯＲＤ` count too.
 * Kept short on purpose: it is embedded in every desk and screen, and the length rule does most of the work.
 */
const LIST = [
  // This product's own, and obvious variants a center would pick.
  'zhiban123', 'zhiban1234', 'zhiban12345', 'zhiban123456', 'zhiban2025', 'zhiban2026', 'zhibantai', 'zhibantai123',
  'callcenter', 'callcenter1', 'callcenter123', 'kefu123456', 'kefuzhongxin', 'welcome', 'welcome1', 'welcome123',
  'welcome2025', 'welcome2026', 'changeme', 'changeme123', 'default', 'default123', 'initial', 'initial123',
  // Digits.
  '123456', '1234567', '12345678', '123456789', '1234567890', '12345678910', '0123456789', '987654321', '9876543210',
  '111111', '11111111', '1111111111', '000000', '00000000', '0000000000', '888888', '88888888', '8888888888',
  '666666', '66666666', '6666666666', '123123', '123123123', '1231231234', '123321', '123456123456', '112233',
  '11223344', '1122334455', '121212', '12121212', '147258369', '1472583690', '159753', '159357', '147852369',
  '123654789', '5201314', '52013145201314', '1314520', '13145201314', '520520520', '521521521', '7758521',
  '7758258', '5211314', '1314521', '201314', '20102010', '19491001', '19900101', '19880808', '20080808',
  '123456a', '123456aa', '123456abc', '123456qq', '12345qwert', '1234qwer', '1q2w3e4r', '1q2w3e4r5t',
  '1qaz2wsx', '1qaz2wsx3edc', 'q1w2e3r4', 'q1w2e3r4t5', 'a1b2c3d4', 'a123456', 'a1234567', 'a12345678',
  'a123456789', 'aa123456', 'aa12345678', 'aaa123456', 'abc123', 'abc1234', 'abc12345', 'abc123456',
  'abc1234567', 'abcd1234', 'abcd123456', 'qq123456', 'qq123456789', 'zxc123456', 'asd123456', 'qwe123456',
  'qwe123', 'qwe123qwe', 'wang123456', 'li123456', 'zhang123456', 'liu123456', 'chen123456',
  // Letters and keyboard walks.
  'password', 'password1', 'password12', 'password123', 'password1234', 'passw0rd', 'p@ssw0rd', 'p@ssword',
  'pass1234', 'pass123456', 'admin', 'admin123', 'admin1234', 'admin12345', 'admin123456', 'administrator',
  'root', 'root123', 'root123456', 'test', 'test123', 'test1234', 'test123456', 'guest', 'guest123',
  'qwerty', 'qwerty123', 'qwerty1234', 'qwertyui', 'qwertyuiop', 'qwertyuiop123', 'asdfgh', 'asdfghjk',
  'asdfghjkl', 'asdfghjkl;', 'zxcvbn', 'zxcvbnm', 'zxcvbnm123', 'qazwsx', 'qazwsxedc', 'qazwsxedcrfv',
  '1qazxsw2', 'zaq12wsx', 'zaq1xsw2', 'abcdef', 'abcdefg', 'abcdefgh', 'abcdefghij', 'aaaaaa', 'aaaaaaaa',
  'aaaaaaaaaa', 'iloveyou', 'iloveyou1', 'iloveyou123', 'sunshine', 'princess', 'football', 'baseball',
  'monkey', 'dragon', 'dragon123', 'master', 'letmein', 'letmein123', 'trustno1', 'superman', 'batman',
  'starwars', 'whatever', 'shadow', 'michael', 'jennifer', 'computer', 'internet', 'freedom', 'hello123',
  'helloworld', 'hello12345', 'secret', 'secret123', 'login', 'login123', 'service', 'service123',
  // Pinyin phrases people type.
  'woaini', 'woaini1314', 'woaini520', 'woaini123', 'woaini123456', 'woaiwojia', 'woaimama', 'woaibaba',
  'iloveyou1314', 'aini1314', 'aini520', 'wodemima', 'mima123', 'mima123456', 'mimamima', 'nihao123',
  'nihao123456', 'nicaicai', 'wocaonima', 'zhongguo', 'zhongguo123', 'beijing', 'beijing123', 'shanghai',
  'shanghai123', 'shenzhen', 'guangzhou', 'xiaoming', 'xiaoming123', 'zhangsan', 'zhangsan123', 'lisi123456',
  'wangwei', 'wangyang', 'liuyang', 'zhangwei', 'wangjing', 'li123123', 'qwe520', 'qq5201314', 'a5201314',
  'w5201314', 'woshishui', 'kaixin', 'kuaile', 'xingfu', 'pingan', 'fuckyou', 'fuckyou123',
];

const COMMON: ReadonlySet<string> = new Set(LIST);

/** How a candidate is compared with the list (and with a username). */
export const foldPassword = (s: string): string => s.normalize('NFKC').trim().toLowerCase();

/** On the deny-list, or one character over and over (`aaaaaaaaaa`, `          ` is refused as blank). */
export function isCommonPassword(password: string): boolean {
  const p = foldPassword(password);
  return COMMON.has(p) || (p.length > 0 && [...p].every((c) => c === p[0]));
}

export const COMMON_PASSWORD_COUNT = COMMON.size;
