using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace EcosystemMarket.Data;

/// <summary>
/// SQLite has no uniqueidentifier, datetimeoffset, decimal or bit: there they are stored as invariant text
/// (UTC ISO 8601 for times, so text order is time order; decimals exact) and booleans as 0/1.
/// SQL Server keeps its native types. With handlers registered, Dapper can also map rows onto records.
/// </summary>
internal static class DapperTypeHandlers
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        Add(new GuidHandler());
        Add(new DateTimeOffsetHandler());
        Add(new DecimalHandler());
        Add(new BooleanHandler());
    }

    private static void Add<T>(SqlMapper.TypeHandler<T> handler) where T : struct
    {
        // Dapper prefers its built-in type map over handlers when binding parameters; remove the mapping.
        SqlMapper.RemoveTypeMap(typeof(T));
        SqlMapper.RemoveTypeMap(typeof(T?));
        SqlMapper.AddTypeHandler(handler);
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("D");
            }
            else
            {
                parameter.DbType = DbType.Guid;
                parameter.Value = value;
            }
        }

        public override Guid Parse(object value) => value switch
        {
            Guid guid => guid,
            string text => Guid.Parse(text),
            byte[] bytes => new Guid(bytes),
            _ => throw new DataException($"Cannot read {value.GetType()} as Guid."),
        };
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.DateTimeOffset;
                parameter.Value = value;
            }
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset time => time,
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            _ => throw new DataException($"Cannot read {value.GetType()} as DateTimeOffset."),
        };
    }

    private sealed class DecimalHandler : SqlMapper.TypeHandler<decimal>
    {
        public override void SetValue(IDbDataParameter parameter, decimal value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.Decimal;
                parameter.Precision = 19;
                parameter.Scale = 4;
                parameter.Value = value;
            }
        }

        public override decimal Parse(object value) => value switch
        {
            decimal amount => amount,
            string text => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture),
            long whole => whole,
            double approximate => (decimal)approximate,
            _ => throw new DataException($"Cannot read {value.GetType()} as decimal."),
        };
    }

    private sealed class BooleanHandler : SqlMapper.TypeHandler<bool>
    {
        public override void SetValue(IDbDataParameter parameter, bool value)
        {
            parameter.DbType = parameter is SqliteParameter ? DbType.Int64 : DbType.Boolean;
            parameter.Value = parameter is SqliteParameter ? (value ? 1L : 0L) : value;
        }

        public override bool Parse(object value) => value switch
        {
            bool flag => flag,
            long number => number != 0,
            int number => number != 0,
            _ => throw new DataException($"Cannot read {value.GetType()} as bool."),
        };
    }
}
