using DockerReorder.Analysis.Catalogue;
using DockerReorder.Analysis.Context;
using DockerReorder.Analysis.Copies;
using DockerReorder.Analysis.Model;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Planning;

/// <summary>
/// Computes a <see cref="SinkPlan"/> for each broad copy: walks the steps after it, crossing
/// those that provably read nothing from the context beyond their manifests, and stopping at the
/// first one it cannot cross (DESIGN.md, "When a rewrite is safe", conditions 1 to 4).
/// </summary>
public sealed class SinkPlanner
{
    private readonly DockerfileModel _model;
    private readonly BuildContext? _context;
    private readonly IEcosystemCatalogue _catalogue;
    private readonly AnalysisOptions _options;
    // The caches are made on first use: many small files have no copy or RUN to ask about.
    private Dictionary<Step, StepEffect>? _effects;
    private Dictionary<Step, CopyFootprint?>? _footprints;
    // Steps between two ENV/ARG share one variables dictionary, so they share what the catalogue sees.
    private Dictionary<BuildState, IReadOnlyDictionary<string, string>>? _environments;
    private Dictionary<InstructionSyntax, Stage>? _stageOf;
    private readonly List<Step> _crossed = [];
    private readonly List<InstallStep> _installs = [];
    private readonly List<(Step, StepEffect)> _runs = [];
    private readonly List<BlockedInstall> _blocked = [];
    private readonly List<string> _unsafeReasons = [];
    private readonly List<Step> _unreachableRuns = [];

    /// <summary>Creates a planner over a model and (when available) its build context.</summary>
    public SinkPlanner(DockerfileModel model, BuildContext? context, IEcosystemCatalogue catalogue, AnalysisOptions options)
    {
        _model = model;
        _context = context;
        _catalogue = catalogue;
        _options = options;
        var instructions = model.Tree.Instructions;
        _openLastInstruction = instructions.Count > 0 && model.Tree.EndsInsideContinuation ? instructions[^1] : null;
    }

    // The file's last instruction when the file ends inside its line continuation: nothing can land after it.
    private readonly InstructionSyntax? _openLastInstruction;

    private char Escape => _model.Tree.EscapeCharacter;

    /// <summary>Every broad copy of every stage, with its plan. <paramref name="includeInstalls"/> false treats installs as barriers (DR002 alone).</summary>
    public IReadOnlyList<SinkPlan> PlanAll(bool includeInstalls = true)
    {
        var plans = new List<SinkPlan>();
        foreach (var stage in _model.Stages)
        {
            if (PlannedStages is { } planned && !planned[stage.Index]) continue;
            foreach (var step in stage.Steps)
            {
                var footprint = FootprintOf(step);
                if (footprint is null || !footprint.IsBroad) continue;
                plans.Add(Plan(stage, footprint, includeInstalls));
            }
        }
        return plans;
    }

    /// <summary>The plan of <paramref name="plan"/>'s broad copy with installs as barriers: how far it sinks without crossing one.</summary>
    public SinkPlan PlanStoppingAtInstalls(SinkPlan plan) => Plan(plan.Stage, plan.BroadCopy, includeInstalls: false);

    /// <summary>
    /// For each stage, whether <see cref="PlanAll"/> plans its broad copies; null (the default) plans every stage. A fix
    /// round sets it to skip the stages that cannot have a finding (<see cref="Fixes.ReanalyzedStages"/>).
    /// </summary>
    public IReadOnlyList<bool>? PlannedStages { get; init; }

    /// <summary>Every broad copy of every stage, in file order, planned or not.</summary>
    public IEnumerable<CopyFootprint> BroadCopies()
    {
        foreach (var stage in _model.Stages)
        {
            foreach (var step in stage.Steps)
            {
                if (FootprintOf(step) is { IsBroad: true } footprint) yield return footprint;
            }
        }
    }

    // The footprint of a step's context copy, or null when it is none (cached: every later step and plan asks again).
    private CopyFootprint? FootprintOf(Step step)
    {
        if (step.Kind is not (InstructionKind.Copy or InstructionKind.Add)) return null; // most steps: keep them out of the cache
        _footprints ??= new(ReferenceEqualityComparer.Instance);
        if (_footprints.TryGetValue(step, out var cached)) return cached;
        var copy = ContextCopy.From(step, Escape);
        var footprint = copy is null ? null : new CopyFootprint(copy, _context, _options.ExtraManifestNames);
        _footprints[step] = footprint;
        return footprint;
    }

    // The stage a step belongs to (a step of a stage is found by its instruction, which is unique).
    private Stage StageOf(Step step)
    {
        _stageOf ??= _model.Stages.SelectMany(st => st.Steps.Select(x => (x.Instruction, st)))
            .ToDictionary(p => p.Instruction, p => p.st);
        return _stageOf[step.Instruction];
    }

    /// <summary>The catalogue's verdict on a RUN step (cached).</summary>
    public StepEffect EffectOf(Step step)
    {
        _effects ??= new(ReferenceEqualityComparer.Instance);
        if (_effects.TryGetValue(step, out var cached)) return cached;
        var instruction = step.Instruction;
        if (!instruction.IsJsonForm && ForeignShell(step) is { } shell && !IsPlainInstallerCall(instruction))
        {
            // PowerShell and cmd read the script with other rules (`type file` prints the file there): nothing is known.
            var foreign = new StepEffect { Kind = StepEffectKind.Unknown, Reason = $"the RUN runs with `{shell}`, a shell the catalogue does not read" };
            _effects[step] = foreign;
            return foreign;
        }
        var run = new RunStep(
            instruction.IsJsonForm ? null : (instruction.Arguments.Count > 0 ? instruction.Arguments[0] : ""),
            instruction.IsJsonForm ? instruction.Arguments : null,
            instruction.Heredocs.Count == 0 ? [] : instruction.Heredocs.Select(h => h.Content).ToList(),
            MountsOf(instruction),
            step.State.WorkingDirectory.Path ?? "",
            EnvironmentOf(step.State))
        {
            ListDirectory = path => ListAt(step, path, folders: false), // an initializer, not `with`: a second record per RUN per round
            ListFolders = path => ListAt(step, path, folders: true),
            WorkingDirectoryVariable = step.State.WorkingDirectory is { Path: null, Binding: { } binding }
                && step.State.Variables is VariableSet variables && variables.BindingOrInherited(binding.Name) == binding ? binding.Name : null,
        };
        var effect = _catalogue.Classify(run, path => Lookup(step, path));
        _effects[step] = effect;
        return effect;
    }

    private static readonly string[] PosixShells = ["sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox"];

    // The shell a shell-form RUN runs with when it is not a POSIX shell: the SHELL instruction's, or cmd on a Windows base image.
    private string? ForeignShell(Step step)
    {
        if (step.State.Shell is { Count: > 0 } shell)
        {
            var name = ScriptClassifier.CommandName(shell[0].Replace('\\', '/')).ToLowerInvariant();
            if (name.EndsWith(".exe", StringComparison.Ordinal)) name = name[..^4];
            return PosixShells.Contains(name) ? null : shell[0];
        }
        // Most files have no Windows stage: then no RUN needs its stage looked up (a map of every instruction).
        var windows = WindowsStages();
        return windows is not null && windows[StageOf(step).Index] ? "cmd /S /C" : null;
    }

    // Which stages run on a Windows base image, by stage index; null when none does. Computed once: asking per RUN
    // searched the earlier stages for a parent, quadratic in a file of thousands of stages.
    private bool[]? WindowsStages()
    {
        if (_windowsStagesKnown) return _windowsStages;
        _windowsStagesKnown = true;
        var stages = _model.Stages;
        var flags = new bool[stages.Count];
        var firstByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        bool any = false;
        foreach (var stage in stages)
        {
            var image = stage.BaseImage;
            // A stage built FROM an earlier stage (the first of that name, as before) inherits its base.
            flags[stage.Index] = IsWindowsImageName(image) || (firstByName.TryGetValue(image, out var parent) && flags[parent]);
            any |= flags[stage.Index];
            if (stage.Name is { } name) firstByName.TryAdd(name, stage.Index);
        }
        _windowsStages = any ? flags : null;
        return _windowsStages;
    }

    private bool[]? _windowsStages;
    private bool _windowsStagesKnown;

    private static readonly string[] CrossPlatformInstallers = ["dotnet", "nuget", "npm", "yarn", "pnpm", "pip", "go", "cargo", "mvn", "gradle", "composer", "bundle"];

    // `RUN dotnet restore` means the same under cmd and PowerShell as under sh: one installer call, words without quotes,
    // variables, redirections or backslashes, is read as usual.
    private static bool IsPlainInstallerCall(InstructionSyntax instruction)
    {
        if (instruction.Heredocs.Count > 0 || instruction.Arguments.Count == 0) return false;
        var script = instruction.Arguments[0].Trim();
        if (script.Length == 0 || script.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or '_' or '=' or ':' or '/' or '-'))) return false;
        var first = script.Split(' ', 2)[0];
        return CrossPlatformInstallers.Contains(first, StringComparer.OrdinalIgnoreCase);
    }

    // Windows base images (servercore, nanoserver, windows, .NET Framework) run shell-form RUNs with cmd.
    private static bool IsWindowsImageName(string image) =>
        image.Contains("nanoserver", StringComparison.OrdinalIgnoreCase) || image.Contains("servercore", StringComparison.OrdinalIgnoreCase) ||
        image.Contains("/windows", StringComparison.OrdinalIgnoreCase) || image.Contains("dotnet/framework/", StringComparison.OrdinalIgnoreCase);

    // The values of a RUN's --mount flags; most RUNs have none, and get no list.
    private static IReadOnlyList<string> MountsOf(InstructionSyntax instruction)
    {
        List<string>? mounts = null;
        foreach (var flag in instruction.Flags)
        {
            if (flag.Name == "mount" && flag.Value is not null) (mounts ??= []).Add(flag.Value);
        }
        return mounts ?? (IReadOnlyList<string>)[];
    }

    private IReadOnlyDictionary<string, string> EnvironmentOf(BuildState state)
    {
        _environments ??= new(ReferenceEqualityComparer.Instance);
        if (_environments.TryGetValue(state, out var cached)) return cached;
        var environment = WithHome(state);
        _environments[state] = environment;
        return environment;
    }

    // Docker sets HOME from the user's passwd entry; for root (no USER, or USER root/0) that is /root.
    private static IReadOnlyDictionary<string, string> WithHome(BuildState state)
    {
        var known = state.KnownVariables;
        if (known.ContainsKey("HOME") || state.Variables.ContainsKey("HOME")) return known;
        if (!IsRoot(state.User)) return known;
        return known is KnownVariableSet set
            ? set.With("HOME", "/root") // shares the variables: a copy per state was quadratic in ENV lines
            : new Dictionary<string, string>(known, StringComparer.Ordinal) { ["HOME"] = "/root" };
    }

    // The second half of a split install: the stage already installed this ecosystem's dependencies above the broad copy
    // (uv's `--mount=type=bind,source=uv.lock ... uv sync --no-install-project`, then `COPY . .` and `uv sync`), so what runs
    // after the copy is the project itself, which needs the source; reporting it would ask for the split already made.
    private bool InstalledAbove(Stage stage, int broadIndex, StepEffect effect)
    {
        for (int k = 0; k < broadIndex; k++)
        {
            var step = stage.Steps[k];
            if (step.Kind != InstructionKind.Run) continue;
            var above = EffectOf(step);
            if (above.Kind == StepEffectKind.DependencyInstall && above.Ecosystems.Any(e => !SystemEcosystems.Contains(e) && effect.Ecosystems.Contains(e))) return true;
        }
        return false;
    }

    /// <summary>True when the verdict is an install, including one refused because it needs the source.</summary>
    public static bool IsInstallAttempt(StepEffect effect) =>
        effect.Kind == StepEffectKind.DependencyInstall ||
        effect.InstallsDependencies && effect.Kind is StepEffectKind.NeedsSource or StepEffectKind.Unknown;

    // Finds the copy that provides an image path at `step` (the latest before it) and reads the file from the context.
    private ManifestLookup Lookup(Step step, string path)
    {
        var location = ImageLocation.Of(path, step.State.WorkingDirectory);
        var provider = ProviderOf(step, location);
        if (provider is null) return ManifestLookup.Unknown;
        var (footprint, contextPath) = provider.Value;
        if (contextPath is null) return _context is null || WrittenByRunBetween(footprint, step, location) ? ManifestLookup.Unknown : ManifestLookup.Absent;
        if (_context is null) return ManifestLookup.Unknown;
        var text = _context.ReadAllText(contextPath);
        return text is null ? ManifestLookup.Unknown : new ManifestLookup(ManifestState.Present, text);
    }

    // True when a RUN between the copy and the step writes the file at `location` (`RUN uv export -o requirements.txt`, then
    // `RUN pip install -r requirements.txt`): the step reads what that RUN made, not an absent context file.
    private bool WrittenByRunBetween(CopyFootprint copy, Step step, ImageLocation location)
    {
        var steps = StageOf(step).Steps;
        for (int i = copy.Copy.Step.Index + 1; i < step.Index; i++)
        {
            if (steps[i].Kind != InstructionKind.Run) continue;
            foreach (var write in EffectOf(steps[i]).Writes)
                if (ImageLocation.Of(write, steps[i].State.WorkingDirectory) == location) return true;
        }
        return false;
    }

    // Lists a directory's files (or, with `folders`, its folders) the step sees, when a directory copy from the context put it there.
    private IReadOnlyList<string>? ListAt(Step step, string path, bool folders)
    {
        if (_context is null) return null;
        var location = ImageLocation.Of(path, step.State.WorkingDirectory);
        var probe = location.Join("probe");
        var provider = ProviderOf(step, probe);
        if (provider is null) return null;
        var footprint = provider.Value.Copy;
        foreach (var source in footprint.Copy.Sources)
        {
            if (!footprint.IsDirectorySource(source) || ImageLocation.IsUnder(location, footprint.Destination) != true) continue;
            var rel = ImagePath.RelativeTo(location.Path, footprint.Destination.Path);
            var contextDir = source.Length == 0 ? rel : rel.Length == 0 ? source : source + "/" + rel;
            return _context.ListDirectory(contextDir).Where(e => e.IsDirectory == folders && _context.IsIncluded(contextDir.Length == 0 ? e.Name : contextDir + "/" + e.Name)).Select(e => e.Name).ToList();
        }
        return null;
    }

    /// <summary>
    /// The latest context copy before <paramref name="step"/> in its stage that writes at or above
    /// <paramref name="location"/>, and the context file it puts there (null when it has none there).
    /// </summary>
    public (CopyFootprint Copy, string? ContextPath)? ProviderOf(Step step, ImageLocation location) => ProviderOf(step, location, folder: false);

    // As the public ProviderOf; with `folder`, the context folder (not file) the copy puts at the location.
    private (CopyFootprint Copy, string? ContextPath)? ProviderOf(Step step, ImageLocation location, bool folder)
    {
        var stage = StageOf(step);
        for (int i = step.Index - 1; i > 0; i--)
        {
            var footprint = FootprintOf(stage.Steps[i]);
            if (footprint is null) continue;
            var contextPath = folder ? footprint.ContextDirectoryFor(location) : footprint.ContextPathFor(location);
            if (contextPath is not null) return (footprint, contextPath);
            if (footprint.IsBroad && ImageLocation.IsUnder(location, footprint.Destination) == true && !LeavesInPlace(footprint, location))
                return (footprint, null);
        }
        return null;
    }

    // A broad copy of globs or files (`COPY *.py ./`) that provably writes nothing at the location leaves what an
    // earlier copy put there (`COPY requirements.txt .`): the search goes on to that copy. A folder source without
    // the file still answers "absent": the context has no such file for any copy to bring.
    private static bool LeavesInPlace(CopyFootprint broad, ImageLocation location) =>
        broad.FolderSourcePathFor(location) is null && broad.WritesAtOrUnder(location) == false;

    private SinkPlan Plan(Stage stage, CopyFootprint broad, bool includeInstalls)
    {
        var plan = Plan(stage, broad, includeInstalls, allowManifestsAtCopy: true);
        // A WORKDIR was crossed on the promise that a manifest copy at the broad copy's place creates its destination
        // first; without a manifest copied to exactly that destination nothing creates it: plan again, stopping there.
        if (plan.ManifestsBefore is not null && !CopiesToDestination(plan)) plan = Plan(stage, broad, includeInstalls, allowManifestsAtCopy: false);
        return plan;
    }

    // True when one of the plan's manifest files lands directly in the broad copy's destination (a copy that creates it).
    private static bool CopiesToDestination(SinkPlan plan) =>
        plan.BroadCopy.Destination.IsAbsolute &&
        plan.Installs.Any(i => i.Manifests.Any(m => !m.IsDirectory && m.Image.IsAbsolute && ParentOf(m.Image.Path) == plan.BroadCopy.Destination.Path));

    private static string ParentOf(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }

    private SinkPlan Plan(Stage stage, CopyFootprint broad, bool includeInstalls, bool allowManifestsAtCopy)
    {
        Step? manifestsBefore = null;
        var copy = broad.Copy;
        // Scratch lists, reused by every plan (Plan is never re-entered): most plans leave them empty, and the
        // plan gets a copy only of those that are not (six lists per broad copy were a quarter of Plan's time).
        var crossed = _crossed; crossed.Clear();
        var installs = _installs; installs.Clear();
        var runs = _runs; runs.Clear();
        var blocked = _blocked; blocked.Clear();
        var unsafeReasons = _unsafeReasons; unsafeReasons.Clear();
        var unreachableRuns = _unreachableRuns; unreachableRuns.Clear();
        Step? barrier = null;
        string? barrierReason = StaticRefusal(broad);
        string? newDestination = null;
        bool destinationRelative = !copy.Destination.StartsWith('/');
        var copyVariables = copy.Variables;
        bool chownByName = UsesNames(copy.Flag("chown")?.Value);
        if (copy.Step.State.WorkingDirectory.Assumption is { } assumption && copy.UsesSymbolicWorkdir) unsafeReasons.Add(assumption);

        bool crossedWorkdir = false;
        int index = copy.Step.Index + 1;
        if (barrierReason is not null && index < stage.Steps.Count) barrier = stage.Steps[index];
        for (; barrierReason is null && index < stage.Steps.Count; index++)
        {
            var step = stage.Steps[index];
            string? reason = ReferenceEquals(step.Instruction, _openLastInstruction)
                ? $"{Keyword(step)} on line {step.Line} ends the file inside a line continuation: a line moved below it would join it"
                : null;
            if (reason is null) switch (step.Kind)
            {
                case InstructionKind.Env:
                case InstructionKind.Arg:
                {
                    if (copyVariables.Count == 0) break; // most broad copies use no variable
                    var used = FirstDeclared(step, copyVariables);
                    if (used is not null)
                        reason = $"the broad copy uses ${used}, which {Keyword(step)} on line {step.Line} changes";
                    break;
                }
                case InstructionKind.Workdir:
                {
                    bool ownedCopy = copy.Flag("chown") is not null || copy.Flag("chmod") is not null;
                    // BuildKit creates a missing WORKDIR owned by the current USER; the copy creates its destination owned by root.
                    bool asUser = !IsRoot(step.State.User);
                    if (ownedCopy && !crossedWorkdir || asUser)
                    {
                        // WORKDIR may create the destination before the copy does, with other ownership.
                        var after = DockerfileModel.Apply(step.State, step.Instruction, Escape).WorkingDirectory.Path;
                        var dest = copy.AbsoluteDestination;
                        // A manifest copy left at the broad copy's place, with its flags and destination, creates the destination
                        // and its parents the same way first: a WORKDIR at or above it then finds it there and creates nothing.
                        if (allowManifestsAtCopy && includeInstalls && after is not null && dest is not null && ImagePath.IsUnder(dest, after))
                            manifestsBefore ??= step;
                        else if (after is null || dest is null || ImagePath.IsUnder(dest, after) || ImagePath.IsUnder(after, dest))
                            reason = ownedCopy
                                ? $"WORKDIR on line {step.Line} may create the directory the copy's --chown/--chmod applies to"
                                : $"WORKDIR on line {step.Line} may create the copy's destination owned by USER {step.State.User} (the copy creates it owned by root)";
                    }
                    if (reason is null && destinationRelative)
                    {
                        var absolute = copy.AbsoluteDestination;
                        if (absolute is null)
                            reason = $"the broad copy's relative destination would cross WORKDIR on line {step.Line}, and the working directory is not known statically";
                        else if (!copy.Instruction.IsJsonForm && absolute.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '$' || c == Escape))
                            // Shell-form COPY splits its words at whitespace before it reads quotes, so no quoting writes this path.
                            reason = $"the broad copy's relative destination would cross WORKDIR on line {step.Line}, and the directory it resolves to cannot be written in the copy's shell form";
                        else
                            newDestination = absolute.EndsWith('/') || copy.Destination.EndsWith('/') ? absolute.TrimEnd('/') + "/" : absolute;
                    }
                    break;
                }
                case InstructionKind.Label:
                case InstructionKind.Expose:
                case InstructionKind.Cmd:
                case InstructionKind.Entrypoint:
                case InstructionKind.Healthcheck:
                case InstructionKind.StopSignal:
                case InstructionKind.Shell:
                case InstructionKind.User:
                case InstructionKind.Maintainer:
                case InstructionKind.Onbuild:
                    break;
                case InstructionKind.Volume:
                    reason = $"VOLUME on line {step.Line} is never crossed (it changes what later steps keep)";
                    break;
                case InstructionKind.Copy:
                case InstructionKind.Add:
                    reason = OtherCopyReason(broad, step);
                    break;
                case InstructionKind.Run:
                {
                    var effect = EffectOf(step);
                    if (effect.Kind == StepEffectKind.DependencyInstall && !includeInstalls)
                    {
                        reason = $"RUN on line {step.Line} is a dependency install (DR001 is not selected)";
                        break;
                    }
                    reason = RunReason(broad, step, effect, chownByName, unsafeReasons);
                    if (reason is not null) break;
                    if (effect.Kind == StepEffectKind.DependencyInstall)
                    {
                        reason = MissingManifestReason(broad, step, effect);
                        if (reason is not null) break;
                        var manifests = ManifestsFor(broad, step, effect, unsafeReasons);
                        installs.Add(new InstallStep(step, effect, manifests));
                    }
                    else runs.Add((step, effect));
                    break;
                }
                default:
                    reason = $"{Keyword(step)} on line {step.Line} is not an instruction the analysis knows";
                    break;
            }
            if (reason is not null)
            {
                barrier = step;
                barrierReason = reason;
                break;
            }
            crossed.Add(step);
            crossedWorkdir |= step.Kind == InstructionKind.Workdir;
        }

        // Installs the move cannot reach: after the barrier, up to the next broad copy.
        for (int k = barrier is null ? stage.Steps.Count : barrier.Index; k < stage.Steps.Count; k++)
        {
            var step = stage.Steps[k];
            if (k > barrier!.Index && FootprintOf(step) is { IsBroad: true }) break;
            if (step.Kind != InstructionKind.Run) continue;
            var effect = EffectOf(step);
            if (IsInstallAttempt(effect))
            {
                var why = step == barrier ? barrierReason! : effect.Kind == StepEffectKind.NeedsSource
                    ? $"{effect.Reason}" : $"{barrierReason}";
                if (effect.Kind == StepEffectKind.NeedsSource && step != barrier) why = effect.Reason;
                if (effect.Kind == StepEffectKind.NeedsSource && InstalledAbove(stage, copy.Step.Index, effect)) continue;
                blocked.Add(new BlockedInstall(step, effect, why));
            }
            else if (effect.Kind == StepEffectKind.ReadsNothing) unreachableRuns.Add(step);
        }

        // The copy lands right after the last crossed RUN or copy; metadata after that stays below it.
        int last = crossed.FindLastIndex(s => s.Kind is InstructionKind.Run or InstructionKind.Copy or InstructionKind.Add);
        var kept = last < 0 ? [] : crossed.GetRange(0, last + 1);
        // Crossed steps are in stage order, so a crossed step is kept when its index is at most the last kept one's
        // (List.Contains compared records one by one: quadratic in a stage of thousands of RUN lines).
        int keptEnd = last < 0 ? -1 : kept[^1].Index;
        if (newDestination is not null && !LandsInAnotherWorkdir(copy, kept)) newDestination = null;
        if (_context is null && kept.Count > 0)
            unsafeReasons.Insert(0, "no build context: what the broad copy brings cannot be checked");

        var absorbedBy = kept.Count > 0 && barrier is not null && newDestination is null && IsTwinBelow(copy, barrier, keptEnd) ? barrier : null;

        // Most plans cross nothing: no LINQ over their empty lists (each call allocated on every broad copy).
        return new SinkPlan
        {
            BroadCopy = broad,
            Stage = stage,
            Crossed = kept,
            Installs = installs.Count == 0 ? [] : installs.Where(i => i.Step.Index <= keptEnd).ToList(),
            ContextFreeRuns = runs.Count == 0 ? [] : runs.Where(r => r.Item1.Index <= keptEnd).ToList(),
            BlockedInstalls = blocked.Count == 0 ? [] : blocked.ToList(),
            Barrier = barrier,
            BarrierReason = barrierReason,
            UnreachableContextFreeRuns = unreachableRuns.Count == 0 ? [] : unreachableRuns.ToList(),
            NewDestination = newDestination,
            AbsorbedBy = absorbedBy,
            ManifestsBefore = manifestsBefore is not null && manifestsBefore.Index <= keptEnd ? manifestsBefore : null,
            UnsafeReasons = unsafeReasons.Count == 0 ? [] : unsafeReasons.Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    // Instructions that change nothing about what a COPY writes (a COPY without --chown writes root's files under any USER).
    private static readonly InstructionKind[] CopyNeutralKinds =
    [
        InstructionKind.Label, InstructionKind.Expose, InstructionKind.Cmd, InstructionKind.Entrypoint, InstructionKind.Healthcheck,
        InstructionKind.StopSignal, InstructionKind.Maintainer, InstructionKind.User, InstructionKind.Shell,
    ];

    // True when `barrier` is a copy written exactly like the broad copy (keyword, flags, sources, destination), in the same
    // working directory and with the same variables, with only copy-neutral steps between the last kept step and it. The
    // moved copy would then be followed at once by a copy of the same files to the same places with the same owner and
    // mode: the second rewrites everything the first wrote, identically. Comments above the broad copy keep it (they
    // would be lost with it).
    private bool IsTwinBelow(ContextCopy copy, Step barrier, int keptEnd)
    {
        if (barrier.Kind != copy.Step.Kind || FootprintOf(barrier) is not { IsBroad: true } twin) return false;
        var a = copy.Instruction;
        var b = barrier.Instruction;
        if (a.AttachedComments.Count > 0) return false;
        if (!a.Arguments.SequenceEqual(b.Arguments, StringComparer.Ordinal)) return false;
        if (!a.Flags.Select(f => f.Token.Text).SequenceEqual(b.Flags.Select(f => f.Token.Text), StringComparer.Ordinal)) return false;
        if (!copy.Step.State.WorkingDirectory.IsSameAs(barrier.State.WorkingDirectory) &&
            !(copy.Destination.StartsWith('/') && twin.Copy.Destination.StartsWith('/'))) return false;
        foreach (var name in copy.Variables)
        {
            if (copy.Step.State.Variables is not VariableSet before || barrier.State.Variables is not VariableSet after ||
                before.BindingOf(name) is not { } x || x != after.BindingOf(name)) return false;
        }
        var steps = StageOf(barrier).Steps;
        for (int i = keptEnd + 1; i < barrier.Index; i++)
        {
            var between = steps[i];
            if (between.Kind is InstructionKind.Env or InstructionKind.Arg) { if (copy.Variables.Count == 0 || FirstDeclared(between, copy.Variables) is null) continue; return false; }
            if (!CopyNeutralKinds.Contains(between.Kind)) return false;
        }
        return true;
    }

    // The first name an ENV or ARG step declares that is among `names`, or null. A method of its own: a lambda
    // over the loop's step made the loop allocate a closure for every step it crossed.
    private static string? FirstDeclared(Step step, IReadOnlyList<string> names)
    {
        var args = step.Instruction.Arguments;
        var declared = step.Kind == InstructionKind.Env
            ? Enumerable.Range(0, args.Count / 3).Select(k => args[k * 3])
            : args.Select(a => a.Contains('=') ? a[..a.IndexOf('=')] : a);
        return declared.FirstOrDefault(names.Contains);
    }

    // Reasons that stop the copy from moving at all, whatever follows it.
    private static string? StaticRefusal(CopyFootprint broad)
    {
        var copy = broad.Copy;
        if (copy.Flag("parents") is not null) return "the broad copy uses --parents, which the analysis does not model";
        if (copy.Flag("exclude") is not null) return "the broad copy uses --exclude, which the analysis does not model";
        if (copy.HasUnknownVariables)
        {
            var unknown = copy.Variables.Where(v => !copy.Step.State.Variables.TryGetValue(v, out var value) || value is null).Select(v => "$" + v).ToList();
            if (unknown.Count == 0) return "the broad copy uses a variable whose value is not known statically";
            // Only the destination unknown: say which shape is understood (ContextCopy, UnderSymbolicWorkdir).
            var hint = copy.Sources.Any(s => s.Contains('$')) ? "" : $" (a destination such as {unknown[0]}/ is known only under WORKDIR {unknown[0]} with no ENV or ARG changing it between)";
            return $"the broad copy uses {string.Join(", ", unknown)}, whose value is not known statically{hint}";
        }
        return null;
    }

    private static string Keyword(Step step) => step.Instruction.Keyword.Text.ToUpperInvariant();

    // A relative destination keeps its text when the copy lands where the working directory is the same path again
    // (`WORKDIR /app`, `COPY . .`, `WORKDIR /app`): a person would not spell out /app there.
    private bool LandsInAnotherWorkdir(ContextCopy copy, List<Step> kept)
    {
        var lastWorkdir = kept.FindLast(s => s.Kind == InstructionKind.Workdir);
        // After a WORKDIR the version always differs: only a known path can show it is the same directory.
        return lastWorkdir is not null && !copy.Step.State.WorkingDirectory.IsSameAs(DockerfileModel.Apply(lastWorkdir.State, lastWorkdir.Instruction, Escape).WorkingDirectory);
    }

    private static bool IsRoot(string? user) => user is null or "" or "root" or "0" or "root:root" or "0:0";

    private static bool UsesNames(string? chown)
    {
        if (string.IsNullOrEmpty(chown)) return false;
        foreach (var part in chown.Split(':'))
            if (part.Length > 0 && !part.All(char.IsAsciiDigit)) return true;
        return false;
    }

    private static readonly string[] UserCommands =
        ["useradd", "adduser", "groupadd", "addgroup", "usermod", "groupmod", "userdel", "deluser", "groupdel", "delgroup"];

    private static bool ChangesUsers(Step step)
    {
        var script = step.Instruction.ArgumentsText + string.Concat(step.Instruction.Heredocs.Select(h => h.Content));
        return UserCommands.Any(c => script.Contains(c, StringComparison.Ordinal));
    }

    private string? RunReason(CopyFootprint broad, Step step, StepEffect effect, bool chownByName, List<string> unsafeReasons)
    {
        switch (effect.Kind)
        {
            case StepEffectKind.Unknown:
                return $"RUN on line {step.Line} may read the source: {effect.Reason}";
            case StepEffectKind.NeedsSource:
                return $"RUN on line {step.Line} needs the source: {effect.Reason}";
        }
        if (chownByName && ChangesUsers(step))
        {
            // The name resolved where the copy stood, so the user existed then; a step that creates or changes
            // users and groups (not a package install, which only adds its own) could make it mean another id.
            return $"the broad copy's --chown names a user or group that RUN on line {step.Line} could create or change";
        }
        if (effect.Unverified) unsafeReasons.Add($"RUN on line {step.Line}: {effect.UnverifiedReason ?? effect.Reason}");
        foreach (var write in effect.Writes)
        {
            var location = ImageLocation.Of(ImagePath.LiteralPrefix(write), step.State.WorkingDirectory);
            var overlap = broad.WritesAtOrUnder(location);
            if (overlap == true)
                return $"RUN on line {step.Line} writes {write}, which the broad copy also writes (from the context, not excluded by .dockerignore)";
            if (overlap is null)
                unsafeReasons.Add($"cannot tell whether {write}, written by RUN on line {step.Line}, is also in the context");
        }
        foreach (var folder in effect.PackageFolders)
        {
            // pip --target skips a package folder that is already there (it warns and keeps it) and the moved copy overwrites
            // one that pip wrote: a project entry named like an installed package ends differently, and those names are not known.
            var location = ImageLocation.Of(ImagePath.LiteralPrefix(folder), step.State.WorkingDirectory);
            if (broad.WritesAtOrUnder(location) != false)
                unsafeReasons.Add($"RUN on line {step.Line} installs packages into {folder}, where the broad copy also writes: a project file or folder named like an installed package would end differently");
        }
        foreach (var read in effect.ImageReads)
        {
            // A file or folder the step reads outside its working directory: where the broad copy writes it, the step reads the context.
            var location = ImageLocation.Of(ImagePath.LiteralPrefix(read), step.State.WorkingDirectory);
            var overlap = broad.WritesAtOrUnder(location);
            if (overlap == true)
                return $"RUN on line {step.Line} reads {read}, which the broad copy writes (from the context, not excluded by .dockerignore)";
            if (overlap is null)
                unsafeReasons.Add($"cannot tell whether {read}, read by RUN on line {step.Line}, comes from the context");
        }
        foreach (var rewrite in effect.MayRewrite)
        {
            var location = ImageLocation.Of(rewrite, step.State.WorkingDirectory);
            var source = broad.ContextPathFor(location) ?? broad.ContextDirectoryFor(location); // a file, or a folder (bundler's vendor/cache)
            if (source is not null || _context is null)
                unsafeReasons.Add($"RUN on line {step.Line} may rewrite {rewrite}, which the broad copy would put back");
        }
        return null;
    }

    // A copy between the broad copy and the install can be crossed when both write disjoint paths,
    // or the same files from the context with the same ownership and mode.
    private string? OtherCopyReason(CopyFootprint broad, Step step)
    {
        var footprint = FootprintOf(step);
        var instruction = step.Instruction;
        if (footprint is null)
        {
            // COPY --from or a heredoc copy: reads nothing from the context; check where it writes.
            if (instruction.Arguments.Count == 0) return $"COPY on line {step.Line} cannot be read";
            var destination = instruction.Heredocs.Count > 0 && instruction.Arguments.Count == 1
                ? instruction.Arguments[0] : instruction.Arguments[^1];
            var location = ImageLocation.Of(destination, step.State.WorkingDirectory);
            var overlap = broad.WritesAtOrUnder(location);
            if (overlap == false) return null;
            return overlap is null
                ? $"{Keyword(step)} on line {step.Line} may write where the broad copy writes"
                : $"{Keyword(step)} on line {step.Line} writes where the broad copy writes";
        }
        var other = footprint.Copy;
        if (footprint.IsBroad) return $"another broad copy on line {step.Line}";
        // ADD extracts a local archive (recognised by content, whatever its name) into its destination: what it writes there is unknown.
        // A file that reads as text (`ADD Pipfile Pipfile`) is no archive: it is copied as COPY would.
        if (step.Kind == InstructionKind.Add && other.Sources.Any(source => !footprint.IsDirectorySource(source) && LocalArchive.MayBe(_context, source)) &&
            broad.WritesAtOrUnder(footprint.Destination) != false)
            return $"ADD on line {step.Line} may extract an archive where the broad copy writes";
        bool sameFlags = SameOwnershipAndMode(other, broad.Copy);
        foreach (var source in other.Sources)
        {
            if (WildcardPattern.HasWildcard(source)) continue;
            var target = other.DestinationIsDirectory
                ? footprint.Destination.Join(source[(source.LastIndexOf('/') + 1)..])
                : footprint.Destination;
            var overlap = broad.WritesAtOrUnder(target);
            if (overlap == false) continue;
            if (sameFlags && broad.ContextPathFor(target) == source) continue; // the same file, the same way
            return $"{Keyword(step)} on line {step.Line} puts {source} at {target.Path}, where the broad copy writes too";
        }
        if (other.Sources.Any(WildcardPattern.HasWildcard) && broad.WritesAtOrUnder(footprint.Destination) != false && !sameFlags)
            return $"{Keyword(step)} on line {step.Line} writes where the broad copy writes";
        return null;
    }

    // Two copies of the same context file give it the same owner and mode when their --chown and --chmod are the same.
    private static bool SameOwnershipAndMode(ContextCopy a, ContextCopy b) =>
        a.Flag("chown")?.Value == b.Flag("chown")?.Value && a.Flag("chmod")?.Value == b.Flag("chmod")?.Value;

    private List<ManifestFile> ManifestsFor(CopyFootprint broad, Step install, StepEffect effect, List<string> unsafeReasons)
    {
        var result = new List<ManifestFile>();
        foreach (var read in effect.Reads)
        {
            if (read.IsDirectory)
            {
                // A folder the install reads whole (gradle/ for ./gradlew, .mvn/ for ./mvnw, .yarn/releases for Yarn's yarnPath):
                // without it the install fails or does something else. A known manifest folder is copied too; any other
                // folder (a Gradle included build) would be a broad copy of its own, so the fix is unsafe.
                if (_context is null) { unsafeReasons.Add($"no build context: cannot tell whether {read.Path} exists"); continue; }
                var folder = ImageLocation.Of(read.Path, install.State.WorkingDirectory);
                if (FromBroadCopy(broad, install, folder, folder: true) is not { } contextFolder) continue;
                if (AlreadyInPlace(broad, folder, contextFolder, folder: true)) continue;
                if (Copies.ManifestNames.IsManifestFolder(contextFolder)) result.Add(new ManifestFile(contextFolder, folder) { IsDirectory = true });
                else unsafeReasons.Add($"RUN on line {install.Line} reads the folder {read.Path}, which the manifest copy does not bring");
                continue;
            }
            if (read.IsPattern)
            {
                foreach (var path in ExpandPattern(broad, install, read.Path))
                    AddIfProvidedByBroadCopy(broad, install, path, result);
                if (_context is null)
                    unsafeReasons.Add($"no build context: cannot list the files matching {read.Path}");
                continue;
            }
            var location = ImageLocation.Of(read.Path, install.State.WorkingDirectory);
            if (_context is null)
            {
                if (read.Required && broad.ContextPathFor(location) is { } candidate) result.Add(new ManifestFile(candidate, location));
                else if (!read.Required) unsafeReasons.Add($"no build context: cannot tell whether {read.Path} exists");
                continue;
            }
            AddIfProvidedByBroadCopy(broad, install, location, result);
        }
        // A file inside a folder copied whole (a script under gradle/) comes with the folder.
        var folders = result.Where(m => m.IsDirectory).Select(m => m.ContextPath.TrimEnd('/') + "/").ToList();
        return result.DistinctBy(m => m.ContextPath)
            .Where(m => m.IsDirectory || !folders.Exists(f => m.ContextPath.StartsWith(f, StringComparison.Ordinal)))
            .ToList();
    }

    // An install whose required manifest the broad copy would bring, but the context lacks, fails in this context
    // either way: the build almost surely uses another context (`docker build -f docker/Dockerfile .`), where the
    // install reads that manifest from the broad copy. Moving it above the copy would break that build.
    private string? MissingManifestReason(CopyFootprint broad, Step install, StepEffect effect)
    {
        if (_context is null) return null;
        foreach (var read in effect.Reads)
        {
            if (!read.Required || read.IsPattern || read.IsDirectory) continue;
            var location = ImageLocation.Of(read.Path, install.State.WorkingDirectory);
            // Only a folder source that would bring the path says it is missing: a glob (`COPY *.py ./`) leaves an earlier copy's file in place.
            if (ProviderOf(install, location) is { ContextPath: null } provider && ReferenceEquals(provider.Copy, broad) &&
                broad.FolderSourcePathFor(location) is { } missing && !WrittenByRunBetween(broad, install, location))
                return $"RUN on line {install.Line} needs {read.Path}, and the build context has no {missing} (if the build uses another context, pass it with --context)";
        }
        return null;
    }

    private void AddIfProvidedByBroadCopy(CopyFootprint broad, Step install, ImageLocation location, List<ManifestFile> result)
    {
        if (FromBroadCopy(broad, install, location, folder: false) is { } contextPath && !AlreadyInPlace(broad, location, contextPath, folder: false))
            result.Add(new ManifestFile(contextPath, location));
    }

    // True when a copy above the broad copy already puts the same context file (or folder) at the location, with the same
    // --chown and --chmod, and only metadata steps stand between them (a RUN could edit the file, which the broad copy
    // then puts back): `COPY package*.json ./` + `COPY . .` + `RUN npm ci` needs no second manifest copy, only the move.
    // A copy between that provably writes nothing at or under the location (`COPY .yarn ./.yarn`) leaves the file alone.
    private bool AlreadyInPlace(CopyFootprint broad, ImageLocation location, string contextPath, bool folder)
    {
        if (_context is null) return false;
        var broadStep = broad.Copy.Step;
        if (ProviderOf(broadStep, location, folder) is not { } earlier || earlier.ContextPath != contextPath || earlier.Copy.IsBroad) return false;
        if (!SameOwnershipAndMode(earlier.Copy.Copy, broad.Copy)) return false;
        var steps = StageOf(broadStep).Steps;
        for (int i = earlier.Copy.Copy.Step.Index + 1; i < broadStep.Index; i++)
        {
            if (steps[i].Kind == InstructionKind.Copy && FootprintOf(steps[i]) is { } between && between.WritesAtOrUnder(location) == false) continue;
            if (steps[i].Kind is InstructionKind.Run or InstructionKind.Copy or InstructionKind.Add or InstructionKind.Volume or InstructionKind.Onbuild) return false;
        }
        return true;
    }

    // The context file (or folder) the broad copy puts at `location`, when it is the latest copy before the install that
    // brings it there (so moving the broad copy takes it away); null otherwise.
    private string? FromBroadCopy(CopyFootprint broad, Step install, ImageLocation location, bool folder) =>
        ProviderOf(install, location, folder) is { } provider && ReferenceEquals(provider.Copy.Copy.Instruction, broad.Copy.Instruction)
            ? provider.ContextPath
            : null;

    private IEnumerable<ImageLocation> ExpandPattern(CopyFootprint broad, Step install, string pattern)
    {
        if (_context is null) yield break;
        int slash = pattern.LastIndexOf('/');
        string directory = slash < 0 ? "." : pattern[..slash];
        string namePattern = pattern[(slash + 1)..];
        var dirLocation = ImageLocation.Of(directory, install.State.WorkingDirectory);
        foreach (var source in broad.Copy.Sources)
        {
            if (!broad.IsDirectorySource(source)) continue;
            if (ImageLocation.IsUnder(dirLocation, broad.Destination) != true) continue;
            var rel = ImagePath.RelativeTo(dirLocation.Path, broad.Destination.Path);
            var contextDir = source.Length == 0 ? rel : rel.Length == 0 ? source : source + "/" + rel;
            var globPattern = contextDir.Length == 0 ? namePattern : contextDir + "/" + namePattern;
            foreach (var match in _context.Glob(globPattern))
            {
                if (_context.DirectoryExists(match)) continue;
                var name = match[(match.LastIndexOf('/') + 1)..];
                yield return dirLocation.Join(name);
            }
        }
    }
}
