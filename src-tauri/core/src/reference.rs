//! Reference lists (*data acuan*) the forms offer: every closed vocabulary
//! with codes and Indonesian labels, so the UI never repeats them.

use serde::Serialize;

use crate::absence::AbsenceReason;
use crate::agency::{AgencyKind, UnitKind};
use crate::circular::{CircularKind, CircularStatus, KopKind, SigningMode};
use crate::docx::srikandi::{Sifat, Urgensi};
use crate::employee::{EmploymentKind, Eselon, PositionKind};
use crate::office::{PaperSize, RegionKind, SignatoryRole};
use crate::rank::{Golongan, PPPK_GRADES};
use crate::rules::{
    ConflictKind, DayPattern, ExceptionReason, Grouping, Placement, Status, WorkDay,
};
use crate::vocab::Choice;

#[derive(Debug, Serialize, ts_rs::TS)]
pub struct ReferenceData {
    pub agency_kinds: Vec<Choice>,
    pub unit_kinds: Vec<Choice>,
    pub employment_kinds: Vec<Choice>,
    pub position_kinds: Vec<Choice>,
    pub eselons: Vec<Choice>,
    /// PNS grades: code `III/d`, label `Penata Tingkat I`.
    pub golongan: Vec<Choice>,
    pub pppk_grades: Vec<&'static str>,
    pub region_kinds: Vec<Choice>,
    pub paper_sizes: Vec<Choice>,
    pub signatory_roles: Vec<Choice>,
    pub circular_kinds: Vec<Choice>,
    pub circular_statuses: Vec<Choice>,
    pub signing_modes: Vec<Choice>,
    pub kop_kinds: Vec<Choice>,
    pub exception_placements: Vec<Choice>,
    pub exception_reasons: Vec<Choice>,
    pub work_statuses: Vec<Choice>,
    pub conflict_kinds: Vec<Choice>,
    pub work_days: Vec<Choice>,
    pub day_patterns: Vec<Choice>,
    pub groupings: Vec<Choice>,
    pub absence_reasons: Vec<Choice>,
    /// SRIKANDI's *sifat naskah* and *tingkat urgensi*.
    pub sifat_naskah: Vec<Choice>,
    pub urgensi_naskah: Vec<Choice>,
}

pub fn reference_data() -> ReferenceData {
    ReferenceData {
        agency_kinds: AgencyKind::choices(),
        unit_kinds: UnitKind::choices(),
        employment_kinds: EmploymentKind::choices(),
        position_kinds: PositionKind::choices(),
        eselons: Eselon::choices(),
        golongan: Golongan::choices(),
        pppk_grades: PPPK_GRADES.to_vec(),
        region_kinds: RegionKind::choices(),
        paper_sizes: PaperSize::choices(),
        signatory_roles: SignatoryRole::choices(),
        circular_kinds: CircularKind::choices(),
        circular_statuses: CircularStatus::choices(),
        signing_modes: SigningMode::choices(),
        kop_kinds: KopKind::choices(),
        exception_placements: Placement::choices(),
        exception_reasons: ExceptionReason::choices(),
        work_statuses: Status::choices(),
        conflict_kinds: ConflictKind::choices(),
        work_days: WorkDay::choices(),
        day_patterns: DayPattern::choices(),
        groupings: Grouping::choices(),
        absence_reasons: AbsenceReason::choices(),
        sifat_naskah: Sifat::choices(),
        urgensi_naskah: Urgensi::choices(),
    }
}
