using System.Reflection;
using EcosystemMarket.Data;
using EcosystemMarket.Data.Audit;
using EcosystemMarket.Data.Idempotency;
using EcosystemMarket.Data.Inbox;
using EcosystemMarket.Data.Migrations;
using EcosystemMarket.Data.Outbox;
using EcosystemMarket.Data.Retention;
using EcosystemMarket.ServiceDefaults.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

public static class DatabaseExtensions
{
    /// <summary>
    /// The service's own database from <c>ConnectionStrings:{name}</c> (an embedded SQLite file when absent),
    /// migrated at start-up before anything else starts, with its outbox dispatcher, inbox, idempotency keys, the purge
    /// of old outbox and inbox rows, and health check. The outbox reads the <c>Outbox:</c> keys (<see cref="OutboxOptions"/>).
    /// </summary>
    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder, string name, Assembly migrations)
    {
        var connectionString = builder.Configuration.GetConnectionString(name) ?? $"Data Source={name}.db";
        var dialect = Database.InferDialect(connectionString, builder.Configuration["Database:Provider"]);

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton(sp => new Database(connectionString, dialect, sp.GetRequiredService<OutboxSignal>()));
        builder.Services.AddSingleton<Inbox>();
        builder.Services.AddSingleton<IAuditLog, AuditLog>();
        builder.Services.AddSingleton<MigrationRunner>();
        builder.Services.AddHostedService(sp => new MigrateOnStart(sp.GetRequiredService<MigrationRunner>(), [typeof(Database).Assembly, migrations]));
        builder.Services.AddIdempotencyKeys<IdempotencyStore>(builder.Configuration);
        builder.Services.AddSingleton(OutboxOptions.From(builder.Configuration));
        // Leases and retention run on the wall clock, not on a TimeProvider a service (or its tests) registers for its rules.
        builder.Services.AddHostedService(sp => new OutboxDispatcher(sp.GetRequiredService<Database>(), sp.GetRequiredService<MassTransit.IBus>(),
            sp.GetRequiredService<ILogger<OutboxDispatcher>>(), sp.GetRequiredService<OutboxOptions>(), TimeProvider.System));
        builder.Services.AddHostedService(sp => new MessageRetention(sp.GetRequiredService<Database>(),
            sp.GetRequiredService<ILogger<MessageRetention>>(), sp.GetRequiredService<OutboxOptions>(), TimeProvider.System));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(name, tags: ["ready"]);
        builder.Services.AddExceptionHandler<ConcurrencyConflictHandler>();
        return builder;
    }

    private sealed class MigrateOnStart(MigrationRunner runner, Assembly[] assemblies) : IHostedLifecycleService
    {
        // StartingAsync runs before any hosted service's StartAsync: consumers and the outbox find the schema ready.
        public Task StartingAsync(CancellationToken cancellationToken) => runner.MigrateAsync(assemblies, cancellationToken);
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
