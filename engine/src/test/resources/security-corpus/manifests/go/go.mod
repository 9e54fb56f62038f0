module example.org/demo

go 1.22

require (
	golang.org/x/crypto v0.14.0 // expect: CDS-SEC-040
	golang.org/x/text v0.3.7 // expect: CDS-SEC-040
	github.com/google/uuid v1.6.0
)
