import type { LeagueRules } from '@peerlift/domain';
import type { AppConfig } from '../config/app-config';

/** The configured cohort size and promotion/demotion counts (validated together at start-up). */
export function leagueRulesFrom(config: AppConfig): LeagueRules {
  return {
    cohortSize: config.LEAGUE_COHORT_SIZE,
    promote: config.LEAGUE_PROMOTE,
    demote: config.LEAGUE_DEMOTE,
  };
}
