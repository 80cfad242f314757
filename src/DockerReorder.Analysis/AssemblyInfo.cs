using System.Runtime.CompilerServices;

// The tests run the fix loop with and without skipping stages that cannot have a finding, and compare.
[assembly: InternalsVisibleTo("DockerReorder.Analysis.Tests")]
