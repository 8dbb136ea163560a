//! The lifecycle state machine.

use time::macros::date;
use wabro_domain::{Code, Decision, Effect, Lifecycle, OutputChannel, Period, Status};

fn requested() -> Period {
    Period::new(date!(2027 - 01 - 01), date!(2027 - 12 - 31)).unwrap()
}

#[test]
fn approve_inside_the_requested_period() {
    let admitted = Period::new(date!(2027 - 01 - 01), date!(2027 - 06 - 30)).unwrap();
    let (s, effect) = Lifecycle::new().approve(requested(), admitted, OutputChannel::EBox).unwrap();
    assert_eq!(s.status, Status::Closed);
    assert_eq!(effect, Effect::IssueDocument);
    assert_eq!(s.admitted(), Some(admitted));
    let longer = Period::new(date!(2026 - 12 - 31), date!(2027 - 06 - 30)).unwrap();
    assert_eq!(
        Lifecycle::new().approve(requested(), longer, OutputChannel::Paper).err(),
        Some(Code::LifecycleAdmittedOutsideRequested)
    );
    assert_eq!(
        s.approve(requested(), admitted, OutputChannel::EBox).err(),
        Some(Code::LifecycleNotInProgress)
    );
}

#[test]
fn reject_needs_a_reason() {
    let l = Lifecycle::new();
    assert_eq!(l.reject("", "x", OutputChannel::Paper).err(), Some(Code::LifecycleReasonRequired));
    assert_eq!(
        l.reject("no_direct_link", "  ", OutputChannel::Paper).err(),
        Some(Code::LifecycleReasonRequired)
    );
    assert_eq!(
        l.reject("made_up", "x", OutputChannel::Paper).err(),
        Some(Code::LifecycleReasonRequired),
        "a listed reason"
    );
    let (s, _) = l.reject("no_direct_link", "No direct link", OutputChannel::Paper).unwrap();
    assert!(matches!(s.decision, Some(Decision::Rejected { .. })));
    assert_eq!(s.cancel("oops", date!(2026 - 11 - 28)).err(), Some(Code::LifecycleClosedNotCancellable));
}

#[test]
fn cancel_rules() {
    let today = date!(2026 - 11 - 28);
    let l = Lifecycle::new();
    assert_eq!(l.cancel("  ", today).err(), Some(Code::LifecycleJustificationRequired));
    let (c, effect) = l.cancel("Project postponed", today).unwrap();
    assert_eq!((c.status, effect), (Status::Cancelled, Effect::None));
    assert_eq!(c.cancellation.as_deref(), Some("Project postponed"));
    assert_eq!(c.cancel("again", today).err(), Some(Code::LifecycleAlreadyCancelled));
    assert_eq!(
        c.approve(requested(), requested(), OutputChannel::EBox).err(),
        Some(Code::LifecycleAlreadyCancelled),
        "deciding a cancelled request says it was cancelled"
    );
    assert_eq!(
        c.reject("no_direct_link", "x", OutputChannel::Paper).err(),
        Some(Code::LifecycleAlreadyCancelled)
    );

    let (approved, _) = l.approve(requested(), requested(), OutputChannel::EBox).unwrap();
    assert!(approved.can_cancel(today));
    let (withdrawn, effect) = approved.cancel("Mission cancelled", today).unwrap();
    assert_eq!((withdrawn.status, effect), (Status::Cancelled, Effect::WithdrawCertificate));
    assert!(withdrawn.admitted().is_some(), "the decision stays on record");
    assert!(!approved.can_cancel(date!(2027 - 01 - 01)), "the admitted period has started");
    assert_eq!(
        approved.cancel("late", date!(2027 - 03 - 01)).err(),
        Some(Code::LifecycleAdmittedPeriodStarted)
    );
}
