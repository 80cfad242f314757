using DockerReorder.Engine.Tests.Harness;
using Xunit.Sdk;

namespace DockerReorder.Engine.Tests;

/// <summary>The judge can say no: wrong or useless fixes fail verification on the engine.</summary>
public sealed class FixVerifierTests
{
    /// <summary>A fix that changes the image (the naive move with node_modules in the context) is rejected.</summary>
    [EngineFact]
    public void A_fix_that_changes_the_image_is_rejected_with_the_difference()
    {
        var engineCase = EngineCase.Named("npm-node-modules-not-ignored");
        var failure = Assert.ThrowsAny<XunitException>(
            () => new FixVerifier(DockerEngine.Connect()).AssertSafeFix(engineCase, (_, _) => engineCase.NaiveText!));
        Assert.Contains("builds a different image", failure.Message, StringComparison.Ordinal);
        Assert.Contains("+ /app/node_modules/left-pad", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>Returning the original unchanged builds the same image but gains no cache hits: rejected.</summary>
    [EngineFact]
    public void A_fix_that_does_not_move_the_broad_copy_is_rejected_for_its_cache_misses()
    {
        var engineCase = EngineCase.Named("seed-python-pip");
        var failure = Assert.ThrowsAny<XunitException>(
            () => new FixVerifier(DockerEngine.Connect()).AssertSafeFix(engineCase, (original, _) => original));
        Assert.Contains("after a source edit the fixed build reran", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>On an unsafe case, leaving the file alone passes and the naive rewrite fails with the difference.</summary>
    [EngineFact]
    public void An_unsafe_case_accepts_no_rewrite_and_rejects_the_naive_one()
    {
        var engineCase = EngineCase.Named("npm-install-rewrites-lock");
        var verifier = new FixVerifier(DockerEngine.Connect());

        Assert.False(verifier.AssertNoUnsafeRewrite(engineCase, (original, _) => original));
        var failure = Assert.ThrowsAny<XunitException>(() => verifier.AssertNoUnsafeRewrite(engineCase, (_, _) => engineCase.NaiveText!));
        Assert.Contains("~ /app/package-lock.json", failure.Message, StringComparison.Ordinal);
    }
}
