namespace DockerReorder.Analysis.Model;

/// <summary>
/// The changes ENV and ARG make to the variables along one stage, shared by every
/// <see cref="VariableSet"/> of the stage: each set is a version of it, so a new state records only
/// what its instruction changes (copying every variable per ENV was quadratic in the ENV lines).
/// </summary>
internal sealed class VariableHistory
{
    // Per name, its values in version order; null is a variable whose value is not known (an ARG).
    private readonly Dictionary<string, List<(int Version, string? Value)>> _changes = new(StringComparer.Ordinal);

    // Names in the order they first appeared, which is the order a copied dictionary enumerated them in.
    private readonly List<string> _order = [];

    /// <summary>The newest version; a set of an older one starts a new history when it changes.</summary>
    public int Latest { get; private set; }

    /// <summary>How many names the newest version has.</summary>
    public int LatestCount => _order.Count;

    /// <summary>The name that appeared <paramref name="index"/>-th (0-based).</summary>
    public string NameAt(int index) => _order[index];

    /// <summary>The value of <paramref name="name"/> at <paramref name="version"/>; false when it is not declared then.</summary>
    public bool TryGet(string name, int version, out string? value)
    {
        value = null;
        if (!_changes.TryGetValue(name, out var values)) return false;
        // Most lookups are at a recent version: look from the end, then search.
        int hi = values.Count - 1;
        if (values[hi].Version <= version) { value = values[hi].Value; return true; }
        int lo = 0;
        if (values[lo].Version > version) return false;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (values[mid].Version <= version) lo = mid;
            else hi = mid - 1;
        }
        value = values[lo].Value;
        return true;
    }

    /// <summary>Starts the next version (its changes follow through <see cref="Set"/>).</summary>
    public int Begin() => ++Latest;

    /// <summary>Sets <paramref name="name"/> in the newest version; false when it is a new name.</summary>
    public bool Set(string name, string? value)
    {
        if (_changes.TryGetValue(name, out var values))
        {
            if (values[^1].Version == Latest) values[^1] = (Latest, value);
            else values.Add((Latest, value));
            return false;
        }
        _changes[name] = [(Latest, value)];
        _order.Add(name);
        return true;
    }
}
