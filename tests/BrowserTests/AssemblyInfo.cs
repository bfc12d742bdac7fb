using EcosystemMarket.BrowserTests;

// One dashboard process, one set of fake sources and one browser for every test: starting them is most of the run.
[assembly: AssemblyFixture(typeof(DashboardUnderTest))]

