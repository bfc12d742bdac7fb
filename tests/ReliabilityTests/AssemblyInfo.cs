// The scenarios kill processes and restart a broker on a two-core machine: one at a time.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
