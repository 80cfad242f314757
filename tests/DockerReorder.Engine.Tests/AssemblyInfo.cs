// Builds share two cores and one daemon: at most two test classes build at once.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
