/** Every evidence check the rubric can name. A new check is one file and one line here. */
import type { AnyCheck } from './check.js';
import { dedicatedBackbone, workingOnShare } from './backbone.js';
import { cadenceAtLeast, publicStatementsUnderProtocol } from './communications.js';
import { communityOfInterestGrowing } from './community.js';
import { fundingDiversified, inKindMatchedToNeeds } from './contributions.js';
import { actionItemsOnTrack, newcomersOnboarded, settledDecisionsStaySettled } from './governance.js';
import { integrationAssumptionsAligned } from './integration.js';
import { metricsReportedOnCadence, valuesCovered } from './metrics.js';
import { fieldsPresent, focusedList, listSize } from './presence.js';
import { purposeIsConcise } from './purpose.js';
import { dateRecency, recentEvents } from './recency.js';
import { partnersCoveredBy, shareOfItems } from './shares.js';
import { directEngagement, targetPopulationRepresented } from './target-population.js';
import { teamsRelaunchedAfterTurnover } from './teams.js';
import { experimentsLearnedFrom, numberInRange, sprintCadence } from './work-plan.js';

const ALL: AnyCheck[] = [
  actionItemsOnTrack,
  cadenceAtLeast,
  communityOfInterestGrowing,
  dateRecency,
  dedicatedBackbone,
  directEngagement,
  experimentsLearnedFrom,
  fieldsPresent,
  focusedList,
  fundingDiversified,
  inKindMatchedToNeeds,
  integrationAssumptionsAligned,
  listSize,
  metricsReportedOnCadence,
  newcomersOnboarded,
  numberInRange,
  partnersCoveredBy,
  publicStatementsUnderProtocol,
  purposeIsConcise,
  recentEvents,
  settledDecisionsStaySettled,
  shareOfItems,
  sprintCadence,
  targetPopulationRepresented,
  teamsRelaunchedAfterTurnover,
  valuesCovered,
  workingOnShare,
];

export const CHECKS: ReadonlyMap<string, AnyCheck> = new Map(ALL.map((check) => [check.name, check]));
