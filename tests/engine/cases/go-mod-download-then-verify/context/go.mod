module example.com/api

go 1.22

require (
	github.com/gin-gonic/gin v1.9.1
	golang.org/x/net v0.20.0 // indirect
)
