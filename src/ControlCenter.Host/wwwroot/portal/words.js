// Words and numbers in the chosen language (texts in i18n.js, Vietnamese when English lacks one).
import { PortalText as TEXT } from './i18n.js';
import { state } from './state.js';

export function t(key, vars) {
  let value = key.split('.').reduce((o, k) => (o == null ? o : o[k]), TEXT[state.lang]);
  if (value == null) value = key.split('.').reduce((o, k) => (o == null ? o : o[k]), TEXT.vi);
  if (typeof value !== 'string') return key;
  return vars ? value.replace(/\{(\w+)\}/g, (_, name) => (vars[name] == null ? '' : String(vars[name]))) : value;
}

export const en = () => state.lang === 'en';
const locale = () => (en() ? 'en-GB' : 'vi-VN');

const numberFormats = new Map();

export function number(value, digits) {
  const key = `${locale()}|${digits == null ? 1 : digits}`;
  if (!numberFormats.has(key)) numberFormats.set(key, new Intl.NumberFormat(locale(), { maximumFractionDigits: digits == null ? 1 : digits }));
  return numberFormats.get(key).format(value);
}

export function placeName(place) {
  let name = (en() ? place.nameEn : place.name) || place.name || place.id;
  for (const prefix of TEXT.namePrefixes) if (name.startsWith(prefix)) name = name.slice(prefix.length);
  // "Đếm khách chùa Trấn Quốc" loses its prefix and would start in lower case.
  return name.charAt(0).toLocaleUpperCase(locale()) + name.slice(1);
}

export const metricName = metric => t(`metrics.${metric}`) === `metrics.${metric}` ? metric : t(`metrics.${metric}`);
