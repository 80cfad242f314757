using DockerReorder.Engine.Tests.Harness;
using Xunit.Abstractions;

namespace DockerReorder.Engine.Tests;

/// <summary>
/// Every case's hand-written Dockerfile.after (the shape the fixer should produce) builds the same
/// image as Dockerfile.before and rebuilds its installs from cache after a source edit. This proves
/// the target shapes and the harness; the real fixer derives from the same <see cref="SafeFixProof"/>.
/// </summary>
public sealed class HandWrittenFixTests(ITestOutputHelper output) : SafeFixProof(output)
{
    /// <inheritdoc/>
    protected override string FixerName => "hand-written fix";

    /// <inheritdoc/>
    protected override string Fix(EngineCase engineCase, string dockerfileText, string contextDirectory) =>
        engineCase.AfterText ?? throw new InvalidOperationException($"{engineCase.Name} has no Dockerfile.after");
}
