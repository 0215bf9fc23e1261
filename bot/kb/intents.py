"""Intent names fixed by ../shared/contract.md; the evaluation reads them from /model/parse."""

URGENT_INTENTS: tuple[str, ...] = (
    "emergency",
    "crisis",
    "domestic_violence",
    "report_non_emergency",
)

# Urgent intents whose reply must never wait for a classifier's second guess.
DANGER_INTENTS: tuple[str, ...] = ("emergency", "crisis", "domestic_violence")

SERVICE_INTENTS: tuple[str, ...] = (
    "police_report",
    "accident_report",
    "station_location",
    "contact_info",
    "office_hours",
    "join_police",
    "internship",
    "overnight_parking",
    "parking_ticket",
    "animal_control",
    "pistol_permit",
    "fingerprinting",
    "records_check",
    "arrested_person",
    "complaint_or_commendation",
    "anonymous_tip",
    "lost_and_found",
    "medication_disposal",
    "car_seat_inspection",
    "private_duty",
    "alarm_registration",
    "towed_vehicle",
    "community_programs",
    "safety_tips",
    "traffic_stop",
    "about_911",
    "identity_theft",
    "solicitor_permit",
)

CONVERSATION_INTENTS: tuple[str, ...] = (
    "greet",
    "goodbye",
    "thank",
    "affirm",
    "deny",
    "bot_challenge",
    "help",
    "human_handoff",
    "set_town",
    "out_of_scope",
)

# Every town's knowledge file answers these: the services plus the town part of a non-urgent report.
ANSWERED_INTENTS: tuple[str, ...] = (*SERVICE_INTENTS, "report_non_emergency")

ALL_INTENTS: tuple[str, ...] = (*URGENT_INTENTS, *SERVICE_INTENTS, *CONVERSATION_INTENTS)
