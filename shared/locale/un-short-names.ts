// Where the UN's official short name of a State differs from CLDR's common name, the UN's (UNTERM, "Country
// names" in the six languages). English comes from the registry (shared/registry/member-states.csv), which holds
// the UN short names already. These rows were written from the drafter's knowledge of UNTERM, not read from a
// stored copy: docs/data/state-names.SOURCES.md lists them as to be checked by the secretariat.
import type { UnLanguage } from "../registry/schemas.ts";

type Override = Partial<Record<Exclude<UnLanguage, "en">, string>>;

export const unShortNames: Readonly<Record<string, Override>> = {
  BOL: {
    fr: "Bolivie (État plurinational de)",
    es: "Bolivia (Estado Plurinacional de)",
    ru: "Боливия (Многонациональное Государство)",
    zh: "多民族玻利维亚国",
  },
  BRN: { fr: "Brunéi Darussalam", es: "Brunei Darussalam", ru: "Бруней-Даруссалам", zh: "文莱达鲁萨兰国" },
  CIV: { fr: "Côte d'Ivoire", es: "Côte d'Ivoire", ru: "Кот-д'Ивуар" },
  CPV: { fr: "Cabo Verde" },
  COD: { fr: "République démocratique du Congo", es: "República Democrática del Congo" },
  CZE: { fr: "Tchéquie", es: "Chequia" },
  FSM: { fr: "Micronésie (États fédérés de)", es: "Micronesia (Estados Federados de)" },
  GBR: {
    ar: "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية",
    zh: "大不列颠及北爱尔兰联合王国",
    fr: "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
    ru: "Соединенное Королевство Великобритании и Северной Ирландии",
    es: "Reino Unido de Gran Bretaña e Irlanda del Norte",
  },
  IRN: {
    ar: "جمهورية إيران الإسلامية",
    zh: "伊朗伊斯兰共和国",
    fr: "Iran (République islamique d')",
    ru: "Иран (Исламская Республика)",
    es: "Irán (República Islámica del)",
  },
  KOR: {
    ar: "جمهورية كوريا",
    zh: "大韩民国",
    fr: "République de Corée",
    ru: "Республика Корея",
    es: "República de Corea",
  },
  LAO: {
    zh: "老挝人民民主共和国",
    fr: "République démocratique populaire lao",
    ru: "Лаосская Народно-Демократическая Республика",
    es: "República Democrática Popular Lao",
  },
  MDA: { zh: "摩尔多瓦共和国", fr: "République de Moldova", ru: "Республика Молдова", es: "República de Moldova" },
  MKD: { fr: "Macédoine du Nord", es: "Macedonia del Norte" },
  NLD: { fr: "Pays-Bas (Royaume des)", es: "Países Bajos (Reino de los)" },
  PRK: {
    ar: "جمهورية كوريا الشعبية الديمقراطية",
    zh: "朝鲜民主主义人民共和国",
    fr: "République populaire démocratique de Corée",
    ru: "Корейская Народно-Демократическая Республика",
    es: "República Popular Democrática de Corea",
  },
  RUS: {
    ar: "الاتحاد الروسي",
    zh: "俄罗斯联邦",
    fr: "Fédération de Russie",
    ru: "Российская Федерация",
    es: "Federación de Rusia",
  },
  SYR: {
    ar: "الجمهورية العربية السورية",
    zh: "阿拉伯叙利亚共和国",
    fr: "République arabe syrienne",
    ru: "Сирийская Арабская Республика",
    es: "República Árabe Siria",
  },
  SWZ: { es: "Eswatini" },
  TUR: { fr: "Türkiye", es: "Türkiye" },
  TZA: {
    ar: "جمهورية تنزانيا المتحدة",
    zh: "坦桑尼亚联合共和国",
    fr: "République-Unie de Tanzanie",
    ru: "Объединенная Республика Танзания",
    es: "República Unida de Tanzanía",
  },
  USA: {
    ar: "الولايات المتحدة الأمريكية",
    zh: "美利坚合众国",
    fr: "États-Unis d'Amérique",
    ru: "Соединенные Штаты Америки",
    es: "Estados Unidos de América",
  },
  VEN: {
    zh: "委内瑞拉玻利瓦尔共和国",
    fr: "Venezuela (République bolivarienne du)",
    ru: "Венесуэла (Боливарианская Республика)",
    es: "Venezuela (República Bolivariana de)",
  },
  VNM: { fr: "Viet Nam", es: "Viet Nam", ru: "Вьетнам" },
};
