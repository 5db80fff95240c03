/**
 * The interface's own words, per language. The site's language (config `language`) picks the set
 * by its primary subtag; unknown languages read English. Article text is never translated: an
 * article keeps its own `lang` and `dir`. Dates and relative times come from Intl in the same
 * locale, so only the words below need translating.
 */
export interface Messages {
  dir: "ltr" | "rtl";
  skipToContent: string;
  siteSearch: string;
  searchSite: (site: string) => string;
  search: string;
  searchPlaceholder: string;
  sectionsNav: string;
  home: string;
  topStories: (site: string) => string;
  topStory: string;
  noStories: string;
  latest: string;
  moreStories: string;
  followSection: string;
  latestStories: (section: string, site: string) => string;
  storiesAbout: (name: string, site: string) => string;
  allStories: string;
  sitemap: string;
  api: string;
  by: string;
  and: string;
  published: string;
  updated: string;
  breadcrumb: string;
  topicsInStory: string;
  people: string;
  organisations: string;
  places: string;
  latestIn: (section: string) => string;
  kind: { person: string; organisation: string; place: string; author: string };
  inTheirWords: string;
  stories: string;
  inStory: string;
  pages: string;
  pageOf: (page: number, last: number) => string;
  previous: string;
  next: string;
  archiveTitle: (month: string) => string;
  breaking: string;
  correction: string;
  corrections: string;
  errors: Record<400 | 404 | 410, { title: string; text: string }>;
  errorKicker: (status: number) => string;
  goHome: string;
  orSearch: string;
  searchForStories: string;
  narrowSearch: string;
  section: string;
  allSections: string;
  from: string;
  to: string;
  noResults: (q: string) => string;
  resultsFor: (count: string, q: string) => string;
}

const en: Messages = {
  dir: "ltr",
  skipToContent: "Skip to content",
  siteSearch: "Site search",
  searchSite: (site) => `Search ${site}`,
  search: "Search",
  searchPlaceholder: "Search",
  sectionsNav: "Sections",
  home: "Home",
  topStories: (site) => `${site}: top stories`,
  topStory: "Top story",
  noStories: "No stories have been published yet.",
  latest: "Latest",
  moreStories: "More stories",
  followSection: "Follow this section:",
  latestStories: (section, site) => `The latest ${section} stories from ${site}.`,
  storiesAbout: (name, site) => `Stories about ${name} from ${site}.`,
  allStories: "all stories",
  sitemap: "Sitemap",
  api: "API",
  by: "By",
  and: "and",
  published: "Published",
  updated: "Updated",
  breadcrumb: "Breadcrumb",
  topicsInStory: "Topics in this story",
  people: "People",
  organisations: "Organisations",
  places: "Places",
  latestIn: (section) => `Latest in ${section}`,
  kind: { person: "Person", organisation: "Organisation", place: "Place", author: "Author" },
  inTheirWords: "In their words",
  stories: "Stories",
  inStory: "in",
  pages: "Pages",
  pageOf: (page, last) => `Page ${page} of ${last}`,
  previous: "Previous",
  next: "Next",
  archiveTitle: (month) => `Stories from ${month}`,
  breaking: "Breaking",
  correction: "Correction",
  corrections: "Corrections",
  errors: {
    400: { title: "Bad request", text: "The address or form could not be understood." },
    404: {
      title: "Page not found",
      text: "Sorry, we couldn't find that page. It may have moved, or the address may be wrong.",
    },
    410: {
      title: "This story has been removed",
      text: "This story is no longer available. It was withdrawn or deleted by the newsroom.",
    },
  },
  errorKicker: (status) => `Error ${status}`,
  goHome: "Go to the home page",
  orSearch: "search for a story",
  searchForStories: "Search for stories",
  narrowSearch: "Narrow the search",
  section: "Section",
  allSections: "All sections",
  from: "From",
  to: "To",
  noResults: (q) => `No results for “${q}”`,
  resultsFor: (count, q) => `${count} for “${q}”`,
};

const fr: Messages = {
  dir: "ltr",
  skipToContent: "Aller au contenu",
  siteSearch: "Recherche sur le site",
  searchSite: (site) => `Rechercher sur ${site}`,
  search: "Rechercher",
  searchPlaceholder: "Rechercher",
  sectionsNav: "Rubriques",
  home: "Accueil",
  topStories: (site) => `${site} : à la une`,
  topStory: "À la une",
  noStories: "Aucun article n’a encore été publié.",
  latest: "Dernière heure",
  moreStories: "Autres articles",
  followSection: "Suivre cette rubrique :",
  latestStories: (section, site) => `Les derniers articles ${section} de ${site}.`,
  storiesAbout: (name, site) => `Articles sur ${name} de ${site}.`,
  allStories: "tous les articles",
  sitemap: "Plan du site",
  api: "API",
  by: "Par",
  and: "et",
  published: "Publié",
  updated: "Mis à jour",
  breadcrumb: "Fil d’Ariane",
  topicsInStory: "Sujets de cet article",
  people: "Personnes",
  organisations: "Organisations",
  places: "Lieux",
  latestIn: (section) => `Derniers articles : ${section}`,
  kind: { person: "Personne", organisation: "Organisation", place: "Lieu", author: "Auteur" },
  inTheirWords: "Ses mots",
  stories: "Articles",
  inStory: "dans",
  pages: "Pages",
  pageOf: (page, last) => `Page ${page} sur ${last}`,
  previous: "Précédente",
  next: "Suivante",
  archiveTitle: (month) => `Articles de ${month}`,
  breaking: "Alerte",
  correction: "Correction",
  corrections: "Corrections",
  errors: {
    400: { title: "Requête invalide", text: "L’adresse ou le formulaire n’a pas pu être compris." },
    404: {
      title: "Page introuvable",
      text: "Désolé, cette page est introuvable. Elle a peut-être été déplacée, ou l’adresse est erronée.",
    },
    410: {
      title: "Cet article a été retiré",
      text: "Cet article n’est plus disponible. La rédaction l’a retiré ou supprimé.",
    },
  },
  errorKicker: (status) => `Erreur ${status}`,
  goHome: "Aller à l’accueil",
  orSearch: "rechercher un article",
  searchForStories: "Rechercher des articles",
  narrowSearch: "Affiner la recherche",
  section: "Rubrique",
  allSections: "Toutes les rubriques",
  from: "Du",
  to: "Au",
  noResults: (q) => `Aucun résultat pour « ${q} »`,
  resultsFor: (count, q) => `${count} pour « ${q} »`,
};

const ar: Messages = {
  dir: "rtl",
  skipToContent: "انتقل إلى المحتوى",
  siteSearch: "البحث في الموقع",
  searchSite: (site) => `ابحث في ${site}`,
  search: "بحث",
  searchPlaceholder: "بحث",
  sectionsNav: "الأقسام",
  home: "الرئيسية",
  topStories: (site) => `${site}: أبرز الأخبار`,
  topStory: "الخبر الرئيسي",
  noStories: "لم يُنشر أي خبر بعد.",
  latest: "الأحدث",
  moreStories: "مزيد من الأخبار",
  followSection: "تابع هذا القسم:",
  latestStories: (section, site) => `أحدث أخبار ${section} من ${site}.`,
  storiesAbout: (name, site) => `أخبار عن ${name} من ${site}.`,
  allStories: "كل الأخبار",
  sitemap: "خريطة الموقع",
  api: "واجهة البرمجة",
  by: "بقلم",
  and: "و",
  published: "نُشر",
  updated: "حُدّث",
  breadcrumb: "مسار التنقل",
  topicsInStory: "موضوعات هذا الخبر",
  people: "أشخاص",
  organisations: "مؤسسات",
  places: "أماكن",
  latestIn: (section) => `الأحدث في ${section}`,
  kind: { person: "شخص", organisation: "مؤسسة", place: "مكان", author: "كاتب" },
  inTheirWords: "بكلماته",
  stories: "أخبار",
  inStory: "في",
  pages: "الصفحات",
  pageOf: (page, last) => `الصفحة ${page} من ${last}`,
  previous: "السابقة",
  next: "التالية",
  archiveTitle: (month) => `أخبار ${month}`,
  breaking: "عاجل",
  correction: "تصحيح",
  corrections: "تصحيحات",
  errors: {
    400: { title: "طلب غير صالح", text: "تعذّر فهم العنوان أو النموذج." },
    404: { title: "الصفحة غير موجودة", text: "عذرًا، لم نجد هذه الصفحة. ربما نُقلت أو أن العنوان خاطئ." },
    410: { title: "أُزيل هذا الخبر", text: "هذا الخبر لم يعد متاحًا. سحبته غرفة الأخبار أو حذفته." },
  },
  errorKicker: (status) => `خطأ ${status}`,
  goHome: "اذهب إلى الصفحة الرئيسية",
  orSearch: "ابحث عن خبر",
  searchForStories: "ابحث عن أخبار",
  narrowSearch: "تضييق البحث",
  section: "القسم",
  allSections: "كل الأقسام",
  from: "من",
  to: "إلى",
  noResults: (q) => `لا نتائج عن «${q}»`,
  resultsFor: (count, q) => `${count} عن «${q}»`,
};

export const MESSAGES: Record<string, Messages> = { en, fr, ar };

/** The interface words for a BCP 47 language tag: its primary subtag's set, else English. */
export function messagesFor(language: string): Messages {
  return MESSAGES[language.split("-")[0].toLowerCase()] ?? en;
}
