package config

import "os"

var apiToken = os.Getenv("API_TOKEN")

const tokenHeader = "X-Api-Token"
