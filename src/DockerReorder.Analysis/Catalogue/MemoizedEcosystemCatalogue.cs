using System.Text;
using DockerReorder.Analysis.Model;

namespace DockerReorder.Analysis.Catalogue;

/// <summary>
/// Remembers the verdicts of a catalogue whose verdict depends only on the step and on what it reads
/// (<see cref="EcosystemCatalogue"/>). A step with the same script, exec words, heredocs, mounts,
/// working directory and environment as one already classified gets the same verdict when every
/// manifest and listing the catalogue read for it reads the same again; otherwise it is classified
/// afresh. Big files repeat steps, and every fix round classifies every step again.
/// Not safe to share between threads.
/// </summary>
public sealed class MemoizedEcosystemCatalogue : IEcosystemCatalogue
{
    // How many verdicts one step text keeps (each read different files): beyond that, classify.
    private const int VerdictsPerStep = 8;

    private readonly IEcosystemCatalogue _inner;
    private readonly Dictionary<string, List<Verdict>> _verdicts = new(StringComparer.Ordinal);
    private readonly Dictionary<IReadOnlyDictionary<string, string>, string> _environmentKeys = new(ReferenceEqualityComparer.Instance);

    // Environment: the one classified, when the key holds only its hash (null: the key holds all of it).
    private sealed record Verdict(StepEffect Effect, List<(string Path, ManifestLookup Answer)> Files, List<(string Path, IReadOnlyList<string>? Listing)> Listings,
        IReadOnlyDictionary<string, string>? Environment);

    private MemoizedEcosystemCatalogue(IEcosystemCatalogue inner)
    {
        _inner = inner;
    }

    /// <summary>
    /// A memo over <paramref name="catalogue"/> when its verdicts are known to depend only on the step
    /// and its reads (the default catalogue); any other catalogue is returned as it is.
    /// </summary>
    public static IEcosystemCatalogue Over(IEcosystemCatalogue catalogue) =>
        catalogue is EcosystemCatalogue ? new MemoizedEcosystemCatalogue(catalogue) : catalogue;

    /// <inheritdoc/>
    public StepEffect Classify(RunStep step, Func<string, ManifestLookup> readFile)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(readFile);
        var key = KeyOf(step);
        _verdicts.TryGetValue(key, out var seen);
        if (seen is not null)
        {
            foreach (var verdict in seen)
            {
                if (verdict.Environment is not null && !SameEntries(verdict.Environment, step.Environment)) continue;
                if (ReadsTheSame(verdict, step, readFile)) return verdict.Effect;
            }
        }

        var files = new List<(string, ManifestLookup)>();
        var listings = new List<(string, IReadOnlyList<string>?)>();
        var list = step.ListDirectory;
        var recorded = list is null ? step : step with
        {
            ListDirectory = path =>
            {
                var listing = list(path);
                listings.Add((path, listing));
                return listing;
            },
        };
        var effect = _inner.Classify(recorded, path =>
        {
            var answer = readFile(path);
            files.Add((path, answer));
            return answer;
        });
        if (seen is null) _verdicts[key] = seen = [];
        if (seen.Count < VerdictsPerStep) seen.Add(new Verdict(effect, files, listings, step.Environment is KnownVariableSet ? step.Environment : null));
        return effect;
    }

    private static bool ReadsTheSame(Verdict verdict, RunStep step, Func<string, ManifestLookup> readFile)
    {
        foreach (var (path, answer) in verdict.Files)
        {
            if (!Equals(readFile(path), answer)) return false;
        }
        foreach (var (path, listing) in verdict.Listings)
        {
            var now = step.ListDirectory!(path);
            if (now is null != listing is null) return false;
            if (now is not null && !now.SequenceEqual(listing!, StringComparer.Ordinal)) return false;
        }
        return true;
    }

    // Every input of the step, each part prefixed with its length so that no two steps share a key.
    private string KeyOf(RunStep step)
    {
        var sb = new StringBuilder();
        Append(sb, step.ShellScript);
        AppendAll(sb, step.ExecArguments);
        AppendAll(sb, step.HeredocBodies);
        AppendAll(sb, step.Mounts);
        Append(sb, step.WorkingDirectory);
        sb.Append(step.ListDirectory is null ? 'n' : 'l');
        if (step.Environment is KnownVariableSet known)
        {
            // A model's environment keeps a hash of its entries: writing them all out per step was quadratic
            // in a stage's ENV lines. A hash can collide, so a verdict also keeps the environment to compare.
            sb.Append('#').Append(known.Count).Append(':').Append(known.ContentHash);
            return sb.ToString();
        }
        if (!_environmentKeys.TryGetValue(step.Environment, out var environment))
        {
            var env = new StringBuilder();
            foreach (var (name, value) in step.Environment.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                Append(env, name);
                Append(env, value);
            }
            _environmentKeys[step.Environment] = environment = env.ToString();
        }
        sb.Append(environment);
        return sb.ToString();
    }

    private static bool SameEntries(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Count != b.Count) return false;
        foreach (var (name, value) in a)
        {
            if (!b.TryGetValue(name, out var other) || !string.Equals(value, other, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    private static void AppendAll(StringBuilder sb, IReadOnlyList<string?>? values)
    {
        if (values is null) { sb.Append('-'); return; }
        sb.Append(values.Count).Append('[');
        foreach (var value in values) Append(sb, value);
    }

    private static void Append(StringBuilder sb, string? value)
    {
        if (value is null) { sb.Append('-'); return; }
        sb.Append(value.Length).Append(':').Append(value);
    }
}
