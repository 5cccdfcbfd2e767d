import { t } from '../../lib/i18n';

/** Options' side nav: one link per section card (a wrapping row of links on a narrow window). */
export function OptionsNav() {
  const sections: [string, string][] = [
    ['provider-h', t('options.providerSection.providerAndApiKey')],
    ['defaults-h', t('options.defaultsSection.defaults')],
    ['vision-h', t('options.visionSection.imageUnderstanding')],
    ['quick-h', t('options.quickActionsSection.quickActions')],
    ['behaviour-h', t('options.behaviourSection.jobsAndHistory')],
    ['downloads-h', t('options.downloadsSection.downloads')],
    ['privacy-h', t('options.privacySection.privacy')],
    ['site-access-h', t('options.siteAccessSection.siteAccess')],
  ];
  return (
    <nav className="options-nav" aria-label={t('options.optionsApp.sections')}>
      <ul>
        {sections.map(([id, label]) => (
          <li key={id}>
            <a href={`#${id}`}>{label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
