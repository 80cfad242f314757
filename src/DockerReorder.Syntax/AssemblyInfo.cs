using System.Runtime.CompilerServices;

// The conformance tests drive BuildKit's helper-level vectors through the internal line parsers.
[assembly: InternalsVisibleTo("DockerReorder.Syntax.Tests")]
