// Peer benchmark: parses every file given with Docker's Dockerfile parser (the fork in
// github.com/openshift/imagebuilder, from Debian) and prints "PATH<TAB>COUNT" per file,
// COUNT being the number of top-level instructions. Built in GOPATH mode, no network.
package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/openshift/imagebuilder/dockerfile/parser"
)

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	status := 0
	for _, path := range os.Args[1:] {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", path, err)
			status = 2
			continue
		}
		result, err := parser.Parse(f)
		f.Close()
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", path, err)
			status = 2
			continue
		}
		fmt.Fprintf(out, "%s\t%d\n", path, len(result.AST.Children))
	}
	out.Flush()
	os.Exit(status)
}
