use vpc_ide::hover;

use super::fixture::*;

fn hover_at(text: &str, needle: &str, n: usize, shift: usize) -> String {
    let (file, offset) = at(text, needle, n, shift);
    render(&file, offset)
}

fn hover_fixture(fixture: &str) -> String {
    let (file, offset) = cursor(fixture);
    render(&file, offset)
}

fn render(file: &vpc_ide::File, offset: usize) -> String {
    match hover(file, offset) {
        Some(h) => format!("[{}]\n{}", &file.text[h.range.range()], h.markdown),
        None => "none".to_string(),
    }
}

const FLAWED: &str = include_str!("../../../../examples/flawed.vpc");

#[test]
fn on_a_pain_identifier() {
    insta::assert_snapshot!(hover_at(WEDDING, "no-time", 0, 2), @"
    [no-time]
    **pain** `no-time` — Might not have time

    - severity: **severe** (weight 8)
    - kind: obstacle
    - job: `organise` (Organise a lovely wedding)
    - relieved by: `esign` (Contracts that are signable online), `checklist` (Checklist with deadlines)
    ");
}

#[test]
fn on_an_unrelieved_pain() {
    insta::assert_snapshot!(hover_at(WEDDING, "invites", 0, 0), @"
    [invites]
    **pain** `invites` — Trouble sending invites

    - severity: **moderate** (weight 4)
    - **not relieved** by any reliever — relieving it would raise the fit from 78 to 83
    ");
}

#[test]
fn on_a_reference_shows_the_target() {
    insta::assert_snapshot!(hover_at(WEDDING, "unfinished, no-time", 0, 3), @"
    [unfinished]
    **pain** `unfinished` — Might not finish the preparation

    - severity: **extreme** (weight 16, a must-have)
    - relieved by: `checklist` (Checklist with deadlines)
    ");
}

#[test]
fn on_an_item_keyword_adds_the_concept() {
    insta::assert_snapshot!(hover_at(WEDDING, "gain carefree", 0, 1), @"
    [gain]
    **gain** `carefree` — Someone takes care of everything

    - relevance: **essential** (weight 16, a must-have)
    - kind: required
    - created by: `one-stop` (One planner handles every vendor)

    ---

    **gain** — an outcome or benefit the customer wants: required, expected, desired, or an unexpected pleasant surprise. Think of how the customer measures success.

    Rank gains by `relevance`: from essential to nice-to-have. A gain can move from nice-to-have to essential over time.
    ");
}

#[test]
fn on_a_title() {
    insta::assert_snapshot!(hover_at(WEDDING, "\"Checklist with deadlines\"", 0, 4), @r#"
    ["Checklist with deadlines"]
    **reliever** `checklist` — Checklist with deadlines

    - relieves: `unfinished` (Might not finish the preparation), `no-time` (Might not have time)
    "#);
}

#[test]
fn on_a_job() {
    insta::assert_snapshot!(hover_at(WEDDING, "organise", 0, 0), @"
    [organise]
    **job** `organise` — Organise a lovely wedding

    - importance: **crucial** (weight 16, a must-have)
    - kind: functional
    - served by: `app` (Online wedding services via app)
    - pains: `no-time` (Might not have time)
    - outcomes: `venue-time` (Minimise the time it takes to book a venue)
    ");
}

#[test]
fn on_an_outcome() {
    insta::assert_snapshot!(hover_at(WEDDING, "venue-time", 0, 0), @"
    [venue-time]
    **outcome** `venue-time` — Minimise the time it takes to book a venue

    - job: `organise` (Organise a lovely wedding)
    - importance 9, satisfaction 3
    - opportunity **15**: **under-served** (extreme: 15 or more)
    - addressed by: `one-stop` (One planner handles every vendor)
    ");
    insta::assert_snapshot!(hover_at(FLAWED, "find-word", 0, 0), @"
    [find-word]
    **outcome** `find-word` — Minimise the time it takes to find the right word

    - job: `speak` (Hold a conversation with a native speaker)
    - importance 9, satisfaction 2
    - opportunity **16**: **under-served** (extreme: 15 or more), and nothing addresses it
    ");
}

#[test]
fn on_products_relievers_and_creators() {
    insta::assert_snapshot!(hover_at(WEDDING, "app \"Online", 0, 0), @"
    [app]
    **product** `app` — Online wedding services via app

    - kind: digital
    - serves: `organise` (Organise a lovely wedding)
    - relievers and creators via it: `esign` (Contracts that are signable online)
    ");
    insta::assert_snapshot!(hover_at(WEDDING, "one-stop", 0, 0), @"
    [one-stop]
    **creator** `one-stop` — One planner handles every vendor

    - creates: `carefree` (Someone takes care of everything)
    - addresses: `venue-time` (Minimise the time it takes to book a venue)
    ");
    insta::assert_snapshot!(hover_at(FLAWED, "templates", 0, 0), @"
    [templates]
    **reliever** `templates` — Filled-in sample forms

    - **relieves no pain**
    - via: `app` (Chat and call with tutors and tandem partners)
    ");
}

#[test]
fn on_a_canvas() {
    insta::assert_snapshot!(hover_at(WEDDING, "wedding", 0, 0), @"
    [wedding]
    **canvas** `wedding` — Wedding planner

    fit **78** · **partial**: some of what matters is not addressed yet

    - jobs: weight 16 of 28 served
    - pains: weight 24 of 28 relieved
    - gains: weight 16 of 16 created
    - must-haves: every one addressed or let go
    - what would raise it most: serving `budget` (high) would raise the fit to 89; serving `impress` (medium) to 83; relieving `invites` (moderate) to 83
    ");
    insta::assert_snapshot!(hover_at(WEDDING, "canvas", 0, 0), @"
    [canvas]
    **canvas** `wedding` — Wedding planner

    fit **78** · **partial**: some of what matters is not addressed yet

    - jobs: weight 16 of 28 served
    - pains: weight 24 of 28 relieved
    - gains: weight 16 of 16 created
    - must-haves: every one addressed or let go
    - what would raise it most: serving `budget` (high) would raise the fit to 89; serving `impress` (medium) to 83; relieving `invites` (moderate) to 83

    ---

    **canvas** — a Value Proposition Canvas: one customer segment and the value map offered to it. Fill in one canvas per segment; a multi-sided platform has one canvas per side.

    Fit is reached when the value map addresses the jobs, pains and gains that matter most: the fit score is the weight of the served jobs, relieved pains and created gains over the weight of all of them (weights double per rank step, 16 for the top), leaving out the items let go. The verdict is `fit` from 80 with every must-have (top-ranked item) addressed or let go, `weak` below 50, else `partial`.
    ");
    insta::assert_snapshot!(hover_at(WEDDING, "\"Wedding planner\"", 0, 1), @r#"
    ["Wedding planner"]
    **canvas** `wedding` — Wedding planner

    fit **78** · **partial**: some of what matters is not addressed yet

    - jobs: weight 16 of 28 served
    - pains: weight 24 of 28 relieved
    - gains: weight 16 of 16 created
    - must-haves: every one addressed or let go
    - what would raise it most: serving `budget` (high) would raise the fit to 89; serving `impress` (medium) to 83; relieving `invites` (moderate) to 83
    "#);
    insta::assert_snapshot!(hover_fixture("canvas e$0mpty \"Nothing yet\" {}"), @"
    [empty]
    **canvas** `empty` — Nothing yet

    fit **n/a**: no jobs, pains or gains to fit
    ");
}

#[test]
fn on_sections() {
    insta::assert_snapshot!(hover_at(WEDDING, "couples \"", 0, 0), @"
    [couples]
    **segment** `couples` — Engaged couples

    3 jobs, 3 pains, 1 gain, 1 outcome

    - market: new
    ");
    insta::assert_snapshot!(hover_at(WEDDING, "value-map", 0, 0), @"
    [value-map]
    **value-map** — Wedding planner app

    1 product, 2 relievers, 1 creator

    ---

    **value-map** — the left side of the canvas (the square): the products and services offered to the segment, the pain relievers and the gain creators. It is judged by how well it fits the customer profile.
    ");
}

#[test]
fn on_attribute_keys() {
    insta::assert_snapshot!(hover_at(WEDDING, "severity", 0, 0), @"
    [severity]
    **severity** (on a pain) — How intense the pain is for the customer, ranked `extreme` (weight 16, a must-have), `severe`, `moderate`, `light` or `negligible` (weight 1). Relieving a severe pain counts more in the fit score.

    One of `extreme`, `severe`, `moderate`, `light`, `negligible` (weight 16, 8, 4, 2, 1).
    ");
    insta::assert_snapshot!(hover_at(WEDDING, "relieves", 0, 0), @"
    [relieves]
    **relieves** (on a reliever) — The pains this reliever relieves: a pain's identifier or a list of them. A pain that no reliever names is unrelieved and lowers the fit score.

    Takes a pain's identifier or a list `[a, b]`.
    ");
    insta::assert_snapshot!(hover_at(WEDDING, "market", 0, 0), @"
    [market]
    **market** (on a segment) — The type of market the segment belongs to: `existing`, `resegmented`, `new` or `clone`. It decides market size, sales model, time to profitability and how customers adopt the offer.

    One of `existing`, `resegmented`, `new`, `clone`.
    ");
    insta::assert_snapshot!(hover_at(WEDDING, "kind: obstacle", 0, 0), @"
    [kind]
    **kind** (on a pain) — The kind of pain: `outcome` (an undesired outcome or problem), `obstacle` (something that stops or slows the job) or `risk` (what could go wrong).

    One of `outcome`, `obstacle`, `risk`.
    ");
    insta::assert_snapshot!(hover_at(WEDDING, "importance: 9", 0, 0), @"
    [importance]
    **importance** (on an outcome) — How important the outcome is to customers, rated from 0 to 10, or as the share of respondents who rate it important (`85%` reads as 8.5). With `satisfaction` it gives the opportunity score `importance + max(importance − satisfaction, 0)`.

    Takes a number from 0 to 10, or a percentage from `0%` to `100%` (a tenth of it).
    ");
    insta::assert_snapshot!(hover_at(WEDDING, "job: organise", 0, 0), @"
    [job]
    **job** (on a pain) — The job(s) this pain belongs to: a job's identifier or a list of them.

    Takes a job's identifier or a list `[a, b]`.
    ");
}

#[test]
fn on_value_words() {
    insta::assert_snapshot!(hover_at(WEDDING, "obstacle", 0, 0), @"
    [obstacle]
    **obstacle** — an obstacle: something that keeps the customer from starting a job or slows them down while doing it.
    ");
    insta::assert_snapshot!(hover_at(WEDDING, "market: new", 0, 9), @"
    [new]
    **new** — a new market: customers who were not served before, or could not be; the market has to be created and explained.
    ");
    insta::assert_snapshot!(hover_at(WEDDING, "crucial", 0, 0), @"
    [crucial]
    **crucial** — the job's importance: the highest of the scale `crucial`, `high`, `medium`, `low`, `trivial` (weight 16 of 16 in the fit score; a must-have).
    ");
    insta::assert_snapshot!(hover_at(WEDDING, "required", 0, 0), @"
    [required]
    **required** — a required gain: without it a solution would not work at all (a phone must be able to make calls).
    ");
    insta::assert_snapshot!(hover_at(WEDDING, "digital", 0, 0), @"
    [digital]
    **digital** — a digital or virtual product: an app, downloads, online recommendations.
    ");
    insta::assert_snapshot!(hover_fixture("canvas c \"C\" { segment s \"S\" { strategy: multi-si$0ded } }"), @"
    [multi-sided]
    **multi-sided** — a multi-sided platform: two or more interdependent segments, where what one side does creates value for the other. Give each side its own canvas.
    ");
    insta::assert_snapshot!(hover_fixture("canvas c \"C\" { segment s \"S\" { market: exist$0ing } }"), @"
    [existing]
    **existing** — an existing market: the customers, the competitors and what they value are known; the offer competes on performance.
    ");
    insta::assert_snapshot!(hover_fixture("canvas c \"C\" { segment s \"S\" { job b \"B\" { kind: supporting, role: co-cr$0eator } } }"), @"
    [co-creator]
    **co-creator** — the customer as a co-creator: helping to design the solution or otherwise adding value to it.
    ");
}

#[test]
fn on_a_code_in_allow() {
    insta::assert_snapshot!(hover_at(FLAWED, "allow: unrelieved-pain", 0, 10), @r#"
    [unrelieved-pain]
    **unrelieved-pain** (default: warning)

    ## What it finds
    A pain that no reliever relieves: no `reliever` names it in `relieves:`.

    ## Why it matters
    Fit is reached when the value map relieves the pains that matter most, and the
    method says to deal with the important ones extremely well. An unrelieved pain
    lowers the fit score by its weight (16 for `extreme` down to 1 for `negligible`),
    and an unrelieved `extreme` pain is a must-have left open: the canvas cannot be a
    `fit`. Minor pains (`light`, `negligible`) are only reported as infos — nobody
    relieves everything. Let a pain go on purpose with `allow: unrelieved-pain` on
    the pain itself: it then leaves the fit altogether, and the decision shows in review.

    ## Example
    ```vpc
    pain invites "Trouble sending invites" { severity: moderate }
    ```
    Add a reliever: `reliever rsvp "Online invitations with RSVP" { relieves: invites }`,
    or let it go: `{ severity: moderate, allow: unrelieved-pain }`.

    [Documentation](https://github.com/vpc-lang/vpc/blob/main/docs/lints.md#unrelieved-pain)
    "#);
}

#[test]
fn on_an_unknown_reference() {
    insta::assert_snapshot!(hover_at(FLAWED, "no-parner", 0, 0), @"
    [no-parner]
    no pain is called `no-parner` in this canvas — did you mean `no-partner`?
    ");
}

#[test]
fn on_a_wrong_kind_reference() {
    insta::assert_snapshot!(hover_at(FLAWED, "relieves: fluent", 0, 12), @"
    [fluent]
    **gain** `fluent` — Speak fluently within a year

    - relevance: **essential** (weight 16, a must-have)
    - kind: desired
    - created by: `daily-chat` (Ten minutes of conversation a day)
    ");
}

#[test]
fn on_half_typed_text() {
    // A keyword alone at the start of a line.
    insta::assert_snapshot!(hover_fixture("canvas c \"C\" {\n  segment s \"S\" {\n    pai$0n\n  }\n}"), @"
    [pain]
    **pain**

    - severity: not given (weighs 4)
    - **not relieved** by any reliever — relieving it would raise the fit from 0 to 100

    ---

    **pain** — what annoys the customer before, during or after a job, or stops the job altogether: undesired outcomes and problems, obstacles, and risks of the job going badly or not getting done.

    Rank pains by `severity`; relieving a severe pain counts more in the fit than a light one.
    ");
    // A key whose value is missing, in an attribute block left open.
    insta::assert_snapshot!(hover_fixture("canvas c \"C\" {\n  segment s \"S\" {\n    pain p \"P\" { sever$0ity:\n    gain g \"G\"\n  }\n}"), @"
    [severity]
    **severity** (on a pain) — How intense the pain is for the customer, ranked `extreme` (weight 16, a must-have), `severe`, `moderate`, `light` or `negligible` (weight 1). Relieving a severe pain counts more in the fit score.

    One of `extreme`, `severe`, `moderate`, `light`, `negligible` (weight 16, 8, 4, 2, 1).
    ");
    // A value in an unclosed list.
    insta::assert_snapshot!(hover_fixture("canvas c \"C\" {\n  segment s \"S\" { pain p \"P\" }\n  value-map {\n    reliever r \"R\" { relieves: [p$0\n  }\n}"), @"
    [p]
    **pain** `p` — P

    - severity: not given (weighs 4)
    - relieved by: `r` (R)
    ");
    // An unknown key.
    assert_eq!(hover_fixture("canvas c \"C\" { segment s \"S\" { job j \"J\" { pri$0ce: 3 } } }"), "none");
}

#[test]
fn nothing_on_whitespace_comments_and_punctuation() {
    assert_eq!(hover_at(WEDDING, "// Wedding", 0, 5), "none");
    assert_eq!(hover_at(WEDDING, "{", 0, 1), "none");
    assert_eq!(hover_at(WEDDING, "  segment", 0, 0), "none");
    let (file, _) = cursor("$0canvas c \"C\" {}");
    assert!(vpc_ide::hover(&file, 10_000).is_none());
}

/// A canvas with a must-have open, items let go and outcomes of every service.
const SHOP: &str = r#"canvas shop "Grocery shopping" {
  segment s "Busy parents" {
    job buy "Buy groceries" { importance: crucial, frequency: weekly, context: "after work" }
    job cook "Cook every night" { importance: low, allow: unserved-job }
    pain queue "Long queues at the till" { severity: extreme, when: during, aspect: emotional }
    pain price "High prices" { severity: light, allow: unrelieved-pain }
    gain fresh "Fresh food" { relevance: high }
    outcome wait "Minimise the time spent waiting" { job: buy, importance: 85%, satisfaction: 30% }
    outcome pay "Minimise the cost of delivery" { importance: 4, satisfaction: 8 }
    outcome both "Rated ten on both" { importance: 10, satisfaction: 10 }
  }
  value-map {
    product app "Delivery app" { serves: buy }
    creator farm "Straight from the farm" { creates: fresh }
  }
}
"#;

#[test]
fn on_a_canvas_with_must_haves_open_and_items_let_go() {
    insta::assert_snapshot!(hover_at(SHOP, "shop", 0, 0), @"
    [shop]
    **canvas** `shop` — Grocery shopping

    fit **60** · **partial**: some of what matters is not addressed yet

    - jobs: weight 16 of 16 served
    - pains: weight 0 of 16 relieved
    - gains: weight 8 of 8 created
    - **must-haves open**: `queue` (extreme) — a fit needs every must-have addressed or let go
    - let go: 2 items, `cook`, `price`
    - what would raise it most: relieving `queue` (extreme) would raise the fit to 100
    - under-served and unaddressed: `wait` (opportunity 14, high)
    ");
    // Everything let go: nothing counts.
    let text = "canvas c \"C\" {\n  segment s \"S\" { pain p \"P\" { allow: unrelieved-pain } }\n}\n";
    insta::assert_snapshot!(hover_at(text, "c \"C", 0, 0), @"
    [c]
    **canvas** `c` — C

    fit **n/a**: no jobs, pains or gains to fit

    - let go: 1 item, `p`
    ");
}

#[test]
fn on_items_let_go_and_unserved() {
    insta::assert_snapshot!(hover_at(SHOP, "cook", 0, 0), @"
    [cook]
    **job** `cook` — Cook every night

    - importance: **low** (weight 2)
    - **not served** by any product — **let go** (`allow: unserved-job`), so out of the fit
    ");
    insta::assert_snapshot!(hover_at(SHOP, "price", 0, 0), @"
    [price]
    **pain** `price` — High prices

    - severity: **light** (weight 2)
    - **not relieved** by any reliever — **let go** (`allow: unrelieved-pain`), so out of the fit
    ");
    insta::assert_snapshot!(hover_at(SHOP, "queue", 0, 0), @"
    [queue]
    **pain** `queue` — Long queues at the till

    - severity: **extreme** (weight 16, a must-have)
    - when: during the job
    - aspect: emotional
    - **not relieved** by any reliever — relieving it would raise the fit from 60 to 100
    ");
    insta::assert_snapshot!(hover_at(SHOP, "buy", 0, 0), @"
    [buy]
    **job** `buy` — Buy groceries

    - importance: **crucial** (weight 16, a must-have)
    - frequency: weekly
    - context: after work
    - served by: `app` (Delivery app)
    - outcomes: `wait` (Minimise the time spent waiting)
    ");
    insta::assert_snapshot!(hover_at(WEDDING, "budget", 0, 0), @"
    [budget]
    **job** `budget` — Not incur too much expense

    - importance: **high** (weight 8)
    - **not served** by any product — serving it would raise the fit from 78 to 89
    ");
}

#[test]
fn on_outcomes_of_every_service() {
    insta::assert_snapshot!(hover_at(SHOP, "wait", 0, 0), @"
    [wait]
    **outcome** `wait` — Minimise the time spent waiting

    - job: `buy` (Buy groceries)
    - importance 8.5, satisfaction 3
    - opportunity **14**: **under-served** (high: 12 or more), and nothing addresses it
    ");
    insta::assert_snapshot!(hover_at(SHOP, "pay", 0, 0), @"
    [pay]
    **outcome** `pay` — Minimise the cost of delivery

    - importance 4, satisfaction 8
    - opportunity **4**: **over-served** — satisfaction exceeds importance, so the offer may over-deliver here (a chance to simplify)
    ");
    // Rated 10 on both: important, but served as well as it matters.
    insta::assert_snapshot!(hover_at(SHOP, "both", 0, 0), @"
    [both]
    **outcome** `both` — Rated ten on both

    - importance 10, satisfaction 10
    - opportunity **10**: served about as well as it matters
    ");
}

#[test]
fn on_the_new_keys_and_values() {
    insta::assert_snapshot!(hover_at(SHOP, "when", 0, 0), @"
    [when]
    **when** (on a pain) — When the pain occurs: `before`, `during` or `after` the job. Pains and gains come up at every stage, not only while the job is done.

    One of `before`, `during`, `after`.
    ");
    insta::assert_snapshot!(hover_at(SHOP, "during", 0, 0), @"
    [during]
    **during** — during the job: while the customer is getting it done.
    ");
    insta::assert_snapshot!(hover_at(SHOP, "aspect", 0, 0), @"
    [aspect]
    **aspect** (on a pain) — What kind of pain it is to the customer: `functional`, `social` (how others see them), `emotional` (how they feel) or `financial` (what it costs or saves).

    One of `functional`, `social`, `emotional`, `financial`.
    ");
    insta::assert_snapshot!(hover_at(SHOP, "light", 0, 0), @"
    [light]
    **light** — the pain's severity: the fourth of the scale `extreme`, `severe`, `moderate`, `light`, `negligible` (weight 2 of 16 in the fit score; a minor item, fine to let go).
    ");
}
