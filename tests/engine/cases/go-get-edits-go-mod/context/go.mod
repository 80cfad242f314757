module example.com/api

go 1.22

require github.com/a/b v1.2.3
