"""The phrase banks and cast the demo-data generator builds believable ledger entries from."""

from __future__ import annotations

from dataclasses import dataclass

from careercoach.domain.contribution import ContributionKind
from careercoach.domain.rubric import Size

K = ContributionKind

DEMO_NAME = "Sam Rivera"
DEMO_ROLE = "Data Scientist"
MANAGER = "Morgan Ellis"

# Competency ids of the built-in data-science-ic ladder (a test checks they exist there).
AMBIGUITY = "ambiguity-and-scope"
TECHNICAL = "technical-execution"
EXPERIMENTATION = "experimentation"
DELIVERY = "delivery"
COLLABORATION = "collaboration"
COMMUNICATION = "communication"
DIRECTION = "direction"
LEARNING = "learning-and-innovation"


@dataclass(frozen=True)
class Colleague:
    """A teammate in the demo cast and the project they own."""

    name: str
    project: str

    @property
    def first_name(self) -> str:
        """The name used in titles ("Reviewed Priya's ...")."""
        return self.name.split()[0]


# Project name as stored -> how a title refers to it.
PROJECTS = {
    "Churn model": "churn model",
    "Feature store": "feature store",
    "Pricing experiments": "pricing experiment",
    "Demand forecast": "demand forecast",
    "Fraud scoring": "fraud scoring service",
    "Recommendations v2": "recommender",
    "Experimentation platform": "A/B testing library",
    "Support triage": "ticket triage model",
}

OWN_PROJECTS = ("Churn model", "Pricing experiments", "Demand forecast")

COLLEAGUES = (
    Colleague("Priya Natarajan", "Feature store"),
    Colleague("Tomas Alvarez", "Pricing experiments"),
    Colleague("Mei Chen", "Recommendations v2"),
    Colleague("Jonas Becker", "Fraud scoring"),
    Colleague("Aisha Okafor", "Churn model"),
    Colleague("Lena Kowalski", "Demand forecast"),
    Colleague("Daniel Kim", "Experimentation platform"),
    Colleague("Fatima Haddad", "Support triage"),
    Colleague("Ravi Iyer", "Churn model"),
    Colleague("Chloe Martin", "Demand forecast"),
)

# Junior teammates Sam mentors most often.
MENTEES = (COLLEAGUES[8], COLLEAGUES[9], COLLEAGUES[4])

TEAMS = ("Platform Engineering", "Growth Marketing", "Finance", "Customer Support")

GUILD = "Analytics guild"

TOPICS = (
    "CUPED variance reduction",
    "probability calibration",
    "survival models for churn",
    "conformal prediction",
    "the pitfalls of SHAP values",
    "sequential testing without peeking",
    "spotting feature leakage",
    "hierarchical forecasting",
)

# Placeholders: {first} colleague, {project} project phrase, {team} other team, {topic}.
TITLES: dict[ContributionKind, tuple[str, ...]] = {
    K.DOCUMENTATION: (
        "Wrote the onboarding notebook for the {project}",
        "Documented the {project} retraining runbook for {first}",
        "Wrote a README for {first}'s {project} repository",
        "Added a model card for the {project}",
        "Documented the feature definitions behind the {project}",
        "Turned {first}'s Slack thread on {project} backfills into a wiki page",
        "Wrote the FAQ for the {project} dashboards",
    ),
    K.EXAMPLES: (
        "Built a worked example notebook for {first}'s {project}",
        "Wrote a quick-start example for calling the {project} API",
        "Added end-to-end example configs to the {project} repository",
        "Recorded a ten-minute walkthrough of the {project} pipeline",
        "Made a minimal reproducible example of the {project} evaluation",
    ),
    K.TESTS: (
        "Added unit tests to {first}'s {project} feature pipeline",
        "Wrote data-validation checks for the {project} training set",
        "Added a regression test for the {project} scoring edge cases",
        "Set up property-based tests for the {project} preprocessing",
        "Covered the {project} metric calculations with tests",
    ),
    K.CODE_REVIEW: (
        "Reviewed {first}'s {project} PR and caught label leakage",
        "Reviewed {first}'s refactor of the {project} training loop",
        "Reviewed {first}'s SQL for the {project} backfill",
        "Reviewed {first}'s experiment analysis for the {project}",
        "Reviewed {first}'s {project} PR and suggested a simpler baseline",
        "Reviewed {first}'s notebook-to-pipeline port of the {project}",
        "Reviewed {first}'s {project} PR and spotted a timezone bug",
    ),
    K.FOLLOW_ON: (
        "Took over the {project} backfill job so {first} could ship on time",
        "Finished the {project} monitoring alerts {first} had no time for",
        "Picked up the {project} hyper-parameter sweep from {first}",
        "Ported {first}'s {project} prototype into the scheduled pipeline",
        "Built the {project} calibration step {first} had parked",
    ),
    K.MENTORING: (
        "Paired with {first} on debugging the {project} feature joins",
        "Mentoring session with {first} on experiment design",
        "Walked {first} through the {project} deployment process",
        "Helped {first} scope their first solo analysis",
        "Paired with {first} on their first design doc",
        "Coached {first} before their {project} stakeholder presentation",
    ),
    K.CROSS_TEAM: (
        "Helped {team} size the expected lift of the {project}",
        "Answered {team}'s questions on the {project} outputs",
        "Ran a joint session with {team} to agree the {project} success metric",
        "Built a one-off extract from the {project} for {team}",
        "Helped {team} interpret an unexpected A/B test result",
    ),
    K.KNOWLEDGE_SHARING: (
        "Gave a guild talk on lessons from the {project}",
        "Ran a lunch-and-learn on {topic}",
        "Wrote an internal blog post on {topic}",
        "Presented the {project} post-mortem to the analytics guild",
        "Led a reading-group session on {topic}",
    ),
    K.BUG_CAUGHT: (
        "Caught a train/test overlap in the {project} before launch",
        "Spotted double-counted sessions in the {project} input data",
        "Noticed the {project} dashboard silently dropped null segments",
        "Flagged a currency-conversion bug in the {project} features",
        "Caught a stale feature snapshot feeding the {project}",
        "Found an off-by-one week in the {project} evaluation window",
    ),
    K.INTERVIEWING: (
        "Ran a technical interview for the senior data scientist role",
        "Ran a case-study interview for a data science candidate",
        "Wrote interview feedback and joined the hiring debrief",
        "Marked take-home submissions for the analyst role",
        "Updated the take-home exercise and its marking guide",
        "Led a modelling interview after shadowing two",
    ),
    K.DELIVERY: (
        "Shipped the {project} retraining pipeline",
        "Delivered the quarterly {project} refresh",
        "Delivered the {project} feature additions on the sprint plan",
        "Ran the {project} holdout analysis for leadership",
        "Migrated the {project} to the new orchestration platform",
        "Designed the {project} experiment and its power analysis",
    ),
    K.OTHER: (
        "Cleaned up the team's shared notebooks folder",
        "Organised the team offsite agenda",
        "Covered the data-science on-call queue for a week",
        "Removed stale {project} feature flags",
        "Completed the internal causal inference course",
        "Updated the team's analysis template",
    ),
}

# Titles for later in the year: more ambiguous, more people involved.
STRETCH_TITLES: dict[ContributionKind, tuple[str, ...]] = {
    K.DELIVERY: (
        "Scoped the {project} rebuild and split the work across two teammates",
        "Wrote the {project} design doc and got sign-off from {team}",
        "Turned a vague ask from {team} into a {project} roadmap",
        "Led the {project} launch end to end, delegating the monitoring to {first}",
    ),
    K.CROSS_TEAM: (
        "Aligned {team} and our team on the {project} data contract",
        "Negotiated the {project} launch criteria with {team}",
    ),
    K.MENTORING: ("Delegated the {project} evaluation to {first} and coached them through it",),
}

OUTCOMES: dict[ContributionKind, tuple[str, ...]] = {
    K.DOCUMENTATION: (
        "New joiners get a model running on day one instead of day four.",
        "Questions about it in the team channel dropped to almost none.",
        "Used by two new joiners in their first week.",
    ),
    K.EXAMPLES: (
        "Three people used it to start their own analyses.",
        "Linked from the project README as the official starting point.",
    ),
    K.TESTS: (
        "The suite now runs in CI on every PR.",
        "Caught a regression the following week.",
    ),
    K.CODE_REVIEW: (
        "Merged after one round of changes.",
        "Avoided a launch with inflated offline metrics.",
        "The simpler baseline was within 1% of the complex model.",
    ),
    K.FOLLOW_ON: (
        "The release went out on the planned date.",
        "Freed a teammate to focus on the launch-critical work.",
    ),
    K.MENTORING: (
        "They now run the weekly retrain on their own.",
        "Their design doc was approved without major changes.",
    ),
    K.CROSS_TEAM: (
        "The other team launched their campaign with a sized target.",
        "Both teams now use one definition of the metric.",
        "Removed a recurring source of conflicting numbers.",
    ),
    K.KNOWLEDGE_SHARING: (
        "About 30 people attended; the recording is on the wiki.",
        "Two teams adopted the technique afterwards.",
    ),
    K.BUG_CAUGHT: (
        "Fixed before it reached production.",
        "Prevented a week of decisions on wrong numbers.",
    ),
    K.INTERVIEWING: ("The candidate accepted our offer.", "Hiring decision reached in one day."),
    K.DELIVERY: (
        "Shipped on time; the weekly retrain now runs unattended.",
        "Leadership used the analysis to pick the launch variant.",
        "Cut scoring latency by about a third.",
        "Retention campaign targeting improved measurably in the holdout.",
    ),
    K.OTHER: ("Saves the team a little time every week.",),
}

FEEDBACK_QUOTES: dict[ContributionKind, tuple[str, ...]] = {
    K.DOCUMENTATION: (
        "Sam's runbook is the first thing I send to anyone joining the project.",
        "I finally understand how the features are built thanks to Sam's write-up.",
    ),
    K.EXAMPLES: (
        "The example notebook saved me a good two days of guessing.",
        "Sam's walkthrough is how I onboarded onto the pipeline.",
    ),
    K.TESTS: (
        "Sam's tests caught a regression I would have shipped the week after.",
        "Having those checks in CI makes me much braver about refactoring.",
    ),
    K.CODE_REVIEW: (
        "Sam's review caught a leak that would have cost us a month of bad retraining.",
        "Sam's reviews are thorough and kind, and I always learn something.",
        "The simpler baseline Sam suggested is what we ended up shipping.",
    ),
    K.FOLLOW_ON: (
        "Sam picking up the backfill is the only reason we launched on time.",
        "I had no time for the alerts and Sam just quietly made them happen.",
    ),
    K.MENTORING: (
        "Pairing with Sam made experiment design click for me.",
        "Sam gave me room to figure it out myself but never let me get stuck.",
    ),
    K.CROSS_TEAM: (
        "Sam made the model's outputs something our team can actually act on.",
        "Sam turned a messy metrics debate into one agreed definition.",
    ),
    K.KNOWLEDGE_SHARING: (
        "Sam's talk was the clearest explanation of the topic I've seen.",
        "We tried the technique from Sam's session the following sprint.",
    ),
    K.BUG_CAUGHT: (
        "Sam spotted the problem before it ever reached a stakeholder.",
        "Without Sam's catch we would have reported a lift that wasn't there.",
    ),
    K.INTERVIEWING: ("Sam's interview notes are a model for the rest of the panel.",),
    K.DELIVERY: (
        "Sam scoped this so well that the launch was almost boring.",
        "Sam kept every team informed without anyone having to ask.",
    ),
    K.OTHER: ("Thanks for quietly cleaning this up, Sam.",),
}

MANAGER_QUOTES = (
    "Agreed in our 1:1: this is senior-level ownership of an ambiguous problem.",
    "Agreed: a clear example of delivering through other people.",
)

EXTERNAL_CHALLENGES = (
    "The upstream events table was re-partitioned mid-sprint.",
    "A platform change freeze during the data-centre migration.",
    "The labelling vendor delivered two weeks late.",
    "The stakeholder changed the success metric halfway through.",
    "Two of the four people on the project were out sick the same week.",
    "The warehouse quota was cut without notice.",
)

LINKS: dict[ContributionKind, str] = {
    K.DOCUMENTATION: "https://wiki.example.com/data-science/{slug}",
    K.EXAMPLES: "https://git.example.com/data-science/{slug}/tree/main/examples",
    K.TESTS: "https://git.example.com/data-science/{slug}/pull/{number}",
    K.CODE_REVIEW: "https://git.example.com/data-science/{slug}/pull/{number}",
    K.KNOWLEDGE_SHARING: "https://wiki.example.com/guild/talks/{slug}",
    K.DELIVERY: "https://git.example.com/data-science/{slug}/releases",
}

# kind -> (ambiguity range, complexity range, cross-functional range, sizes, hours range)
KIND_RUBRICS: dict[
    ContributionKind,
    tuple[
        tuple[int, int], tuple[int, int], tuple[int, int], tuple[Size, ...], tuple[float, float]
    ],
] = {
    K.DOCUMENTATION: ((1, 3), (1, 2), (1, 3), (Size.S, Size.M), (1.0, 6.0)),
    K.EXAMPLES: ((1, 2), (2, 3), (1, 2), (Size.S, Size.M), (1.0, 6.0)),
    K.TESTS: ((1, 2), (2, 4), (1, 1), (Size.S, Size.M), (1.0, 6.0)),
    K.CODE_REVIEW: ((1, 2), (2, 3), (1, 2), (Size.S, Size.S, Size.M), (0.5, 3.0)),
    K.FOLLOW_ON: ((2, 3), (2, 4), (2, 3), (Size.M, Size.L), (3.0, 12.0)),
    K.MENTORING: ((2, 3), (1, 2), (1, 2), (Size.S, Size.M), (0.5, 2.0)),
    K.CROSS_TEAM: ((3, 4), (2, 3), (4, 5), (Size.M, Size.L), (2.0, 10.0)),
    K.KNOWLEDGE_SHARING: ((2, 3), (2, 3), (2, 4), (Size.S, Size.M), (2.0, 8.0)),
    K.BUG_CAUGHT: ((2, 3), (3, 4), (1, 3), (Size.S, Size.M), (0.5, 4.0)),
    K.INTERVIEWING: ((1, 2), (1, 2), (1, 2), (Size.S,), (1.0, 3.0)),
    K.DELIVERY: ((3, 4), (3, 4), (3, 4), (Size.M, Size.L, Size.L, Size.XL), (6.0, 16.0)),
    K.OTHER: ((1, 3), (1, 3), (1, 3), (Size.S, Size.M), (0.5, 4.0)),
}

# kind -> (competency always evidenced, competencies one of which may be added)
KIND_COMPETENCIES: dict[ContributionKind, tuple[str, tuple[str, ...]]] = {
    K.DOCUMENTATION: (COMMUNICATION, (COLLABORATION,)),
    K.EXAMPLES: (COLLABORATION, (COMMUNICATION, TECHNICAL)),
    K.TESTS: (TECHNICAL, (COLLABORATION,)),
    K.CODE_REVIEW: (TECHNICAL, (COLLABORATION, EXPERIMENTATION)),
    K.FOLLOW_ON: (COLLABORATION, (DELIVERY, TECHNICAL)),
    K.MENTORING: (COLLABORATION, (COMMUNICATION,)),
    K.CROSS_TEAM: (COMMUNICATION, (AMBIGUITY, DELIVERY)),
    K.KNOWLEDGE_SHARING: (COMMUNICATION, (LEARNING,)),
    K.BUG_CAUGHT: (TECHNICAL, (EXPERIMENTATION,)),
    K.INTERVIEWING: (COLLABORATION, (DIRECTION,)),
    K.DELIVERY: (DELIVERY, (AMBIGUITY, TECHNICAL, EXPERIMENTATION)),
    K.OTHER: (LEARNING, (DIRECTION, COLLABORATION)),
}

# How often an entry of a kind carries a peer's quote.
QUOTE_CHANCE: dict[ContributionKind, float] = {
    K.DOCUMENTATION: 0.25,
    K.EXAMPLES: 0.25,
    K.TESTS: 0.15,
    K.CODE_REVIEW: 0.15,
    K.FOLLOW_ON: 0.3,
    K.MENTORING: 0.35,
    K.CROSS_TEAM: 0.35,
    K.KNOWLEDGE_SHARING: 0.3,
    K.BUG_CAUGHT: 0.3,
    K.INTERVIEWING: 0.05,
    K.DELIVERY: 0.15,
    K.OTHER: 0.05,
}

CHECKIN_NOTES = (
    "Heavy review week before the release.",
    "Mostly heads-down on the sprint goal.",
    "Spent Friday afternoon pairing with Ravi.",
    "On-call week, less time for anything else.",
    "Planning week; lots of meetings with Growth Marketing.",
    "Read two papers on uplift modelling.",
    "Quiet week, good progress on the retrain.",
    "Helped Finance with their quarter-end numbers.",
)

BACK_FROM_LEAVE_NOTE = "Back from leave; catching up on reviews."
