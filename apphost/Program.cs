using EcosystemMarket.AppHost;

if (AppHostCommands.RunInstead(args) is { } exitCode)
{
    return exitCode;
}

// --seed-demo has no value: the configuration's command line would take the next argument for one.
var builder = DistributedApplication.CreateBuilder(args.Where(a => a != "--seed-demo").ToArray());
var data = EcosystemData.Prepare(builder, args);

var messaging = builder.AddMessaging(data);
var partners = builder.AddService<Projects.EcosystemMarket_Partners>("partners", data, messaging, grpc: true);
var matching = builder.AddService<Projects.EcosystemMarket_Matching>("matching", data, messaging, grpc: true)
    .WithReference(partners).WaitFor(partners);
var brokering = builder.AddService<Projects.EcosystemMarket_Brokering>("brokering", data, messaging)
    .WithReference(partners).WithReference(matching).WaitFor(matching);
var settlement = builder.AddService<Projects.EcosystemMarket_Settlement>("settlement", data, messaging)
    .WithReference(partners).WaitFor(partners);
var gateway = builder.AddGateway(data, partners, matching, brokering, settlement);
builder.AddPortal(data, gateway);

builder.Build().Run();
return 0;
