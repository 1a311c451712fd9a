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
    pub agency_kinds: Vec<Choice<AgencyKind>>,
    pub unit_kinds: Vec<Choice<UnitKind>>,
    pub employment_kinds: Vec<Choice<EmploymentKind>>,
    pub position_kinds: Vec<Choice<PositionKind>>,
    pub eselons: Vec<Choice<Eselon>>,
    /// PNS grades: code `III/d`, label `Penata Tingkat I`.
    pub golongan: Vec<Choice<Golongan>>,
    pub pppk_grades: Vec<&'static str>,
    pub region_kinds: Vec<Choice<RegionKind>>,
    pub paper_sizes: Vec<Choice<PaperSize>>,
    pub signatory_roles: Vec<Choice<SignatoryRole>>,
    pub circular_kinds: Vec<Choice<CircularKind>>,
    pub circular_statuses: Vec<Choice<CircularStatus>>,
    pub signing_modes: Vec<Choice<SigningMode>>,
    pub kop_kinds: Vec<Choice<KopKind>>,
    pub exception_placements: Vec<Choice<Placement>>,
    pub exception_reasons: Vec<Choice<ExceptionReason>>,
    pub work_statuses: Vec<Choice<Status>>,
    pub conflict_kinds: Vec<Choice<ConflictKind>>,
    pub work_days: Vec<Choice<WorkDay>>,
    pub day_patterns: Vec<Choice<DayPattern>>,
    pub groupings: Vec<Choice<Grouping>>,
    pub absence_reasons: Vec<Choice<AbsenceReason>>,
    /// SRIKANDI's *sifat naskah* and *tingkat urgensi*.
    pub sifat_naskah: Vec<Choice<Sifat>>,
    pub urgensi_naskah: Vec<Choice<Urgensi>>,
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
