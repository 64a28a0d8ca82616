# Classic Purview export (BOM, CRLF): AuditData is the O365 record, quoted
# with doubled quotes; a record without CreationTime takes CreationDate
# (US form, zone-less: UTC by default).
irm-norm purview-classic.csv
