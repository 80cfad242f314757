using DockerReorder.Engine.Tests.Harness;
using Xunit.Abstractions;

namespace DockerReorder.Engine.Tests;

/// <summary>The design's seed example, proven on the engine with the hand-written fix.</summary>
public sealed class SeedExampleTests(ITestOutputHelper output)
{
    /// <summary>The seed example: same image, and only the broad copy reruns after a source edit.</summary>
    [EngineFact]
    public void The_fixed_seed_example_builds_the_same_image_and_reuses_every_install_after_a_source_edit()
    {
        var engineCase = EngineCase.Named("seed-python-pip");
        var verification = new FixVerifier(DockerEngine.Connect()).AssertSafeFix(engineCase, (_, _) => engineCase.AfterText!);
        output.WriteLine($"before:\n{verification.BeforeProbe}\nafter:\n{verification.AfterProbe}");

        // Design: "the rebuild shows CACHED for every step but the last COPY".
        var rebuilt = verification.AfterProbe.Steps.Where(s => !s.Step.Cached).Select(s => s.Step.Text).ToList();
        Assert.Equal(["COPY . ./"], rebuilt);
        Assert.False(verification.BeforeProbe.StepFor("RUN apk add gcc musl-dev").Step.Cached);
        Assert.False(verification.BeforeProbe.StepFor("RUN pip install --no-cache-dir -r requirements.txt").Step.Cached);
    }
}
