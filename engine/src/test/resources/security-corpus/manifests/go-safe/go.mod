module example.org/demo

go 1.22

require (
	golang.org/x/crypto v0.31.0
	golang.org/x/text v0.21.0
)
