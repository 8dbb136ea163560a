//! The request lifecycle: a pure state machine.
//!
//! In progress → Closed (approved with an admitted period, or rejected with a reason), or
//! In progress → Cancelled. An approved request whose admitted period has not started may
//! still be cancelled, which withdraws its certificate.

use crate::{Code, Period};
use serde::{Deserialize, Serialize};
use time::Date;

/// The reasons the NSSO can give for a rejection (codes; their texts are translated).
pub const REJECTION_REASONS: [&str; 7] = [
    "no_direct_link",
    "no_prior_coverage",
    "replacement",
    "period_too_long",
    "no_dimona",
    "other_state",
    "incomplete",
];

/// Where a request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Filed, waiting for the NSSO.
    InProgress,
    /// Cancelled by the employer.
    Cancelled,
    /// Decided by the NSSO.
    Closed,
}

impl Status {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Status::InProgress => "in_progress",
            Status::Cancelled => "cancelled",
            Status::Closed => "closed",
        }
    }
}

/// How the decision's document reaches the employer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutputChannel {
    /// By post.
    Paper,
    /// In the employer's e-Box Enterprise.
    EBox,
}

/// The NSSO's decision on a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Decision {
    /// Approved for the admitted period.
    Approved {
        /// Admitted period, inside the requested one.
        admitted: Period,
        /// Delivery channel.
        channel: OutputChannel,
    },
    /// Rejected.
    Rejected {
        /// Reason code from the agents' list.
        reason_code: String,
        /// Free-text explanation.
        reason: String,
        /// Delivery channel of the letter.
        channel: OutputChannel,
    },
}

/// A request's lifecycle state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lifecycle {
    /// Status.
    pub status: Status,
    /// The decision, once closed (kept when an approved request is cancelled).
    pub decision: Option<Decision>,
    /// The cancellation justification, once cancelled.
    pub cancellation: Option<String>,
}

/// What a transition changes besides the state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Nothing else.
    None,
    /// A certificate must be produced (approval) or a letter (rejection).
    IssueDocument,
    /// The issued certificate must be withdrawn.
    WithdrawCertificate,
}

impl Default for Lifecycle {
    fn default() -> Self {
        Lifecycle::new()
    }
}

impl Lifecycle {
    /// A freshly filed request.
    pub fn new() -> Self {
        Lifecycle { status: Status::InProgress, decision: None, cancellation: None }
    }

    /// Cancels with a justification. Allowed in progress, or when approved and the admitted
    /// period starts after `today` (the certificate is then withdrawn).
    pub fn cancel(&self, justification: &str, today: Date) -> Result<(Lifecycle, Effect), Code> {
        let justification = justification.trim();
        if justification.is_empty() {
            return Err(Code::LifecycleJustificationRequired);
        }
        if justification.chars().count() > crate::limits::LONG {
            return Err(Code::FieldTooLong);
        }
        let effect = match (&self.status, &self.decision) {
            (Status::InProgress, _) => Effect::None,
            (Status::Cancelled, _) => return Err(Code::LifecycleAlreadyCancelled),
            (Status::Closed, Some(Decision::Approved { admitted, .. })) => {
                if admitted.start <= today {
                    return Err(Code::LifecycleAdmittedPeriodStarted);
                }
                Effect::WithdrawCertificate
            }
            (Status::Closed, _) => return Err(Code::LifecycleClosedNotCancellable),
        };
        let next = Lifecycle {
            status: Status::Cancelled,
            decision: self.decision.clone(),
            cancellation: Some(justification.to_owned()),
        };
        Ok((next, effect))
    }

    /// Whether [`Lifecycle::cancel`] would succeed today (given a justification).
    pub fn can_cancel(&self, today: Date) -> bool {
        self.cancel("-", today).is_ok()
    }

    /// Approves with an admitted period inside the `requested` one.
    pub fn approve(
        &self,
        requested: Period,
        admitted: Period,
        channel: OutputChannel,
    ) -> Result<(Lifecycle, Effect), Code> {
        self.undecided()?;
        if !requested.encloses(&admitted) {
            return Err(Code::LifecycleAdmittedOutsideRequested);
        }
        let decision = Decision::Approved { admitted, channel };
        Ok((
            Lifecycle { status: Status::Closed, decision: Some(decision), cancellation: None },
            Effect::IssueDocument,
        ))
    }

    /// Only a request in progress can be decided; a cancelled one says so.
    pub fn undecided(&self) -> Result<(), Code> {
        match self.status {
            Status::InProgress => Ok(()),
            Status::Cancelled => Err(Code::LifecycleAlreadyCancelled),
            Status::Closed => Err(Code::LifecycleNotInProgress),
        }
    }

    /// Rejects with a reason code (one of [`REJECTION_REASONS`]) and an explanation.
    pub fn reject(
        &self,
        reason_code: &str,
        reason: &str,
        channel: OutputChannel,
    ) -> Result<(Lifecycle, Effect), Code> {
        self.undecided()?;
        if !REJECTION_REASONS.contains(&reason_code.trim()) || reason.trim().is_empty() {
            return Err(Code::LifecycleReasonRequired);
        }
        if reason.trim().chars().count() > crate::limits::LONG {
            return Err(Code::FieldTooLong);
        }
        let decision = Decision::Rejected {
            reason_code: reason_code.trim().to_owned(),
            reason: reason.trim().to_owned(),
            channel,
        };
        Ok((
            Lifecycle { status: Status::Closed, decision: Some(decision), cancellation: None },
            Effect::IssueDocument,
        ))
    }

    /// The admitted period, when approved.
    pub fn admitted(&self) -> Option<Period> {
        match &self.decision {
            Some(Decision::Approved { admitted, .. }) => Some(*admitted),
            _ => None,
        }
    }
}
