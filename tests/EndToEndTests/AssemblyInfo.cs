// Each fixture starts the whole system (an app host, its services, a broker node, the dashboard): two at once on a
// two-core machine slow each other past Aspire's own timeouts (it allows a resource about 15 s to stop).
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
