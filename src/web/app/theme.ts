import type { ThemeConfig } from 'antd';

// antd's default palette fails WCAG 1.4.3 in places (primary button text, placeholders, descriptions): these
// tokens keep text at ≥ 4.5:1 on white and borders at ≥ 3:1 (1.4.11).
const accessible: ThemeConfig['token'] = {
  colorPrimary: '#0b57d0',
  colorLink: '#0b57d0',
  colorPrimaryHover: '#0842a0',
  colorPrimaryActive: '#062f73',
  colorLinkHover: '#0842a0',
  colorErrorHover: '#8c1d18',
  colorErrorActive: '#6e1611',
  colorError: '#b3261e',
  colorSuccess: '#1f6e07',
  colorWarning: '#8a4b00',
  colorInfo: '#0b57d0',
  colorText: '#1f1f1f',
  colorTextSecondary: '#4a4a4a',
  colorTextTertiary: '#595959',
  colorTextQuaternary: '#595959',
  colorTextPlaceholder: '#616161',
  colorTextDescription: '#4a4a4a',
  colorBorder: '#767676',
  borderRadius: 4,
  // No animations: calmer for older users, lighter on old PCs, and no half-faded states.
  motion: false,
  fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif',
};

/** The normal theme: 14 px text, 32 px controls (24 px targets at least). */
export const normalTheme: ThemeConfig = { token: { ...accessible, fontSize: 16, controlHeight: 36, lineHeight: 1.5 } };

/** 关怀模式: 20 px text, line height 1.6, 48 px controls (≥ 44 px targets). */
export const careTheme: ThemeConfig = {
  token: {
    ...accessible,
    fontSize: 20,
    fontSizeLG: 22,
    fontSizeSM: 18,
    fontSizeHeading1: 32,
    fontSizeHeading2: 28,
    fontSizeHeading3: 24,
    lineHeight: 1.6,
    controlHeight: 48,
    controlHeightLG: 56,
    controlHeightSM: 44,
  },
};
