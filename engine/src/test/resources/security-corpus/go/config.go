package config

// expect-next: CDS-SEC-009
const apiToken = "DExlLciQvCtjqvmLugCfe7ozlFuQ19PC"

var awsKey = "AKIATX6KG30I6MPW9G45" // expect: CDS-SEC-001
