// A benchmark measures nothing worth printing beside another one, or beside a whole system starting up.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
