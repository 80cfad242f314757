namespace DockerReorder.Syntax.Tests.Support;

/// <summary>
/// Runs a conformance check; when the vector is listed in docs/known-differences.md the check must still fail
/// (so the list never hides a vector that passes, nor a regression behind a stale entry).
/// </summary>
public static class KnownDifference
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_known = new(BuildKitVectors.KnownDifferences);

    /// <summary>Runs <paramref name="check"/> for the vector <paramref name="name"/>.</summary>
    public static void Verify(string name, Action check)
    {
        TestPaths.RequireShared(name);
        if (!s_known.Value.TryGetValue(name, out var reason))
        {
            check();
            return;
        }
        try
        {
            check();
        }
        catch (Exception)
        {
            return; // the documented difference is still there
        }
        Assert.Fail($"{name} is listed in docs/known-differences.md ({reason}) but now passes: remove it from the list.");
    }
}
