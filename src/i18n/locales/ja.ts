import type { Messages } from "./en.ts";

/** Japanese: the banner's own strings; the rest falls back to English string by string. */
export const ja: Partial<Messages> = {
  bannerLabel: "Cookieの同意",
  bannerTitle: "{site}のCookie",
  bannerText: "サイトの動作に必要なCookieを使用しています。ご同意いただければ、「カスタマイズ」に記載のその他のCookieも使用します。拒否は同意と同じく簡単で、「Cookie設定」からいつでも変更できます。",
  cookiePolicy: "Cookieポリシー",
  privacyPolicy: "プライバシーポリシー",
  purposes: "利用目的",
  acceptAll: "すべて同意",
  rejectAll: "すべて拒否",
  customise: "カスタマイズ",
  saveChoices: "選択を保存",
  alwaysOn: "常に有効",
  neverUsed: "使用しません",
  vendors: "第三者",
  cookies: "Cookie",
  gpcHonoured: "オプトアウト信号を尊重しました",
  gpcText: "お使いのブラウザからGlobal Privacy Control信号が送信されました。個人情報の販売・共有へのオプトアウトとして扱うため、次は無効のままです：{categories}。",
  settingsButton: "Cookie設定",
  continueWithout: "同意せずに続ける",
  privacyChoices: "プライバシーの選択",
  doNotSell: "個人情報を販売・共有しない",
};
