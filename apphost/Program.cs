using EcosystemMarket.AppHost;

var options = AppHostOptions.Parse(args);
switch (options)
{
    case { Error: { } error }:
        Console.Error.WriteLine(error);
        Console.Error.WriteLine(AppHostOptions.Usage);
        return 2;
    case { Command: "help" }:
        Console.WriteLine(AppHostOptions.Usage);
        return 0;
    case { Command: "token" }:
        return TokenCommand.Run(options);
}

var builder = DistributedApplication.CreateBuilder(args.Where(a => a != "--seed-demo").ToArray());
builder.Configuration.AddInMemoryCollection(options.Configuration);
var data = EcosystemData.Prepare(builder);

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
