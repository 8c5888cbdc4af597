"""HL7 FHIR R4 exchange: a peer's plan out as a Bundle (`export`), Goals and CarePlans from
another system in as proposals the peer answers (`importing`), and the code lists both check
(`codes`). Resources are checked with fhir.resources' R4B models, which match R4 for Patient,
Goal, CarePlan, Observation and Bundle."""
