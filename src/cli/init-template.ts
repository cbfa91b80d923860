/**
 * The starter file `pes init` writes: the few facts every assessment needs, and
 * every other section as a commented example to fill in. It must validate as is,
 * and must not score as healthy: what is left to fill in is written as placeholders
 * ("TODO ...", "..."), which the loader reads as not described (src/load/placeholders.ts).
 */
export function starterPartnership(name: string, asOf: string, schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}
# A partnership file for partnership-health (pes). Fill in what you know. Anything left out,
# or left as a placeholder (a value starting with TODO, or a bare ...), is "not described":
# it earns no points, and the report says what to add and lists the placeholders by line.
# Check it with \`pes validate\`, assess it with \`pes assess\`.

# Every date rule (e.g. "reviewed in the last 12 months") counts back from this day.
as_of: ${asOf}

partnership:
  name: ${JSON.stringify(name)}
  # Short enough to say in about 30 seconds (75 words at most).
  purpose: "TODO: in one or two sentences, what the partners achieve together that none could alone"
  # founded: 2024-01-15
  # last_purpose_review: 2025-09-30
  # Agreed degree of integration: parallel_play, coordinated, cooperative, collaborative, fully_integrated
  # integration: cooperative
  # relationship_model: peer          # prime_sub, peer or hybrid
  # brand:
  #   name: Short Name
  #   logo: assets/logo.svg
  #   co_branding_guidelines: How partners show our logo beside theirs.
  #   traditions: [Meetings open with a partner story]

# backbone:
#   exists: true
#   name: Coordination team
#   staff:
#     - { role: Director, fte: 1, dedicated: true }
#   funded_by: [Member dues]

# partners:
#   - id: acme
#     name: Acme Corp
#     sector: private               # private, public, civil_society, community, academic, funder
#     tier: core                    # core, member, community_of_interest
#     joined: 2024-01-15
#     agreement: mou                # contract, mou, informal, none
#     onboarded: 2024-02-01
#     cash: 10000
#     in_kind:
#       - { description: Data analysis, matched_need: Baseline survey }
#     assumed_integration: cooperative
#     knowledge: [Supply chains]
#     skills: [Negotiation]
#     connections: [Industry association]
#     learning_goals: [Community engagement]

# teams:
#   - name: Steering group
#     launched: 2024-02-01
#     sets_own_priorities: true
#     members:
#       - { name: A. Person, partner: acme, joined: 2024-02-01 }
#     team_building:
#       - { date: 2025-03-10, activity: Half-day retreat }

# governance:
#   decision_rules: Consensus of core partners; majority vote after two meetings.
#   roles:
#     - { name: Core partner, responsibilities: ..., rights: ..., gives: ..., gets: ... }
#   joining_process: ...
#   leaving_process: ...
#   onboarding: ...
#   communication_protocol:
#     public_statements: Statements about the partnership are agreed by the steering group first.

# decisions:
#   - { id: d1, date: 2025-01-20, decision: ..., rationale: ... }
# meetings:
#   - { name: Steering group, cadence: monthly, agenda_shared: true, decisions_recorded: true, working_on_share: 0.25 }
# action_items:
#   - { action: ..., owner: ..., due: 2025-12-01, status: open }
# communications:
#   cadence: monthly
#   stories:
#     - { date: 2025-06-01, title: ..., audience: public, cites_metrics: [Households reached] }
# funding:
#   sources:
#     - { name: Foundation grant, kind: grant, amount: 50000 }
#   give_get_tiers:
#     - { tier: Core, give: ..., get: ... }
# target_population:
#   description: ...
#   jobs_to_be_done: [...]
#   engagement:
#     - { date: 2025-05-12, kind: focus_group, participants: 12 }
# work_plan:
#   horizon_months: 18
#   priorities: [...]
#   not_doing: [...]
#   sprints:
#     - { name: Sprint 1, start: 2025-01-01, end: 2025-03-31, deliverables: [...] }
# metrics:
#   - { name: Households reached, level: output, category: target_population_impact, owner: ..., baseline: 0, target: 500, cadence: quarterly, last_reported: 2025-09-30 }
# learning:
#   retrospectives:
#     - { kind: after_action_review, date: 2025-07-01, lessons: [...] }
`;
}
