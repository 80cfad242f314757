using System.Globalization;
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
    // The key of the step being classified, written here and looked up as a span: a string per RUN per round
    // (and a builder to make it) was most of the memo's allocation, and most lookups hit. One buffer per thread,
    // not per memo: a memo is made per file, and 10,000 small files each paid for a buffer.
    [ThreadStatic] private static char[]? t_key;
    private char[] _key = [];
    private int _keyLength;

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
        WriteKey(step);
        var key = _key.AsSpan(0, _keyLength);
        _verdicts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var seen);
        // The key's string is made before classifying: the buffer belongs to the thread, not to this call.
        if (seen is null) _verdicts[key.ToString()] = seen = [];
        foreach (var verdict in seen)
        {
            if (verdict.Environment is not null && !SameEntries(verdict.Environment, step.Environment)) continue;
            if (ReadsTheSame(verdict, step, readFile)) return verdict.Effect;
        }

        var files = new List<(string, ManifestLookup)>();
        var listings = new List<(string, IReadOnlyList<string>?)>();
        var list = step.ListDirectory;
        var folders = step.ListFolders;
        // A folder listing is recorded under its path after a NUL, which no file listing's path starts with.
        var recorded = list is null && folders is null ? step : step with
        {
            ListDirectory = list is null ? null : path =>
            {
                var listing = list(path);
                listings.Add((path, listing));
                return listing;
            },
            ListFolders = folders is null ? null : path =>
            {
                var listing = folders(path);
                listings.Add(("\0" + path, listing));
                return listing;
            },
        };
        var effect = _inner.Classify(recorded, path =>
        {
            var answer = readFile(path);
            files.Add((path, answer));
            return answer;
        });
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
            var now = path.StartsWith('\0') ? step.ListFolders!(path[1..]) : step.ListDirectory!(path);
            if (now is null != listing is null) return false;
            if (now is not null && !now.SequenceEqual(listing!, StringComparer.Ordinal)) return false;
        }
        return true;
    }

    // Every input of the step, each part prefixed with its length so that no two steps share a key.
    private void WriteKey(RunStep step)
    {
        _key = t_key ??= new char[256];
        _keyLength = 0;
        Append(step.ShellScript);
        AppendAll(step.ExecArguments);
        AppendAll(step.HeredocBodies);
        AppendAll(step.Mounts);
        Append(step.WorkingDirectory);
        Append(step.WorkingDirectoryVariable);
        Write(step.ListDirectory is null ? "n" : "l");
        Write(step.ListFolders is null ? "n" : "f");
        if (step.Environment is KnownVariableSet known)
        {
            // A model's environment keeps a hash of its entries: writing them all out per step was quadratic
            // in a stage's ENV lines. A hash can collide, so a verdict also keeps the environment to compare.
            Write("#");
            Write(known.Count);
            Write(":");
            Write(known.ContentHash);
            return;
        }
        if (!_environmentKeys.TryGetValue(step.Environment, out var environment))
        {
            var env = new StringBuilder();
            foreach (var (name, value) in step.Environment.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                env.Append(name.Length).Append(':').Append(name);
                env.Append(value.Length).Append(':').Append(value);
            }
            _environmentKeys[step.Environment] = environment = env.ToString();
        }
        Write(environment);
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

    private void AppendAll(IReadOnlyList<string?>? values)
    {
        if (values is null) { Write("-"); return; }
        Write(values.Count);
        Write("[");
        foreach (var value in values) Append(value);
    }

    private void Append(string? value)
    {
        if (value is null) { Write("-"); return; }
        Write(value.Length);
        Write(":");
        Write(value);
    }

    private void Write(ReadOnlySpan<char> text)
    {
        if (_keyLength + text.Length > _key.Length) t_key = _key = GrownBy(_key, _keyLength, text.Length);
        text.CopyTo(_key.AsSpan(_keyLength));
        _keyLength += text.Length;
    }

    private static char[] GrownBy(char[] buffer, int used, int more)
    {
        var grown = new char[Math.Max(buffer.Length * 2, used + more)];
        buffer.AsSpan(0, used).CopyTo(grown);
        return grown;
    }

    private void Write(int number)
    {
        Span<char> digits = stackalloc char[11];
        number.TryFormat(digits, out int written, default, CultureInfo.InvariantCulture);
        Write(digits[..written]);
    }
}
