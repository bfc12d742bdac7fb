using Assembly = System.Reflection.Assembly;
using System.Text.RegularExpressions;
using EcosystemMarket.Data;
using EcosystemMarket.Data.Migrations;
using Microsoft.SqlServer.Dac;
using Microsoft.SqlServer.Dac.Model;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace EcosystemMarket.UnitTests;

/// <summary>
/// The schema a service's SQL Server migrations build, as a DacFx model, with statements checked against it.
/// DacFx takes object definitions, not the ALTERs that change them, so the scripts are replayed in order on their
/// ScriptDom trees (a column added joins its CREATE TABLE, a column or index dropped leaves it, data changes are
/// skipped) and the model gets the resulting definitions. Each statement becomes the body of a procedure
/// <c>check_N</c> taking the @parameters it uses, so that validating the model resolves its tables and columns.
/// </summary>
public sealed partial class SqlServerSchema
{
    private readonly Dictionary<string, CreateTableStatement> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Table, TSqlStatement Statement)> _indexes = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<TSqlStatement> _others = [];

    /// <summary>The schema the scripts of these assemblies build, applied in the order the runner applies them.</summary>
    public static SqlServerSchema From(IEnumerable<Assembly> assemblies) =>
        From(assemblies.SelectMany(a => MigrationRunner.ScriptsIn(a, SqlDialect.SqlServer)).OrderBy(s => s.Order, StringComparer.Ordinal).Select(s => (s.Id, s.Sql)));

    /// <summary>The schema these scripts build, applied in the order given.</summary>
    public static SqlServerSchema From(IEnumerable<(string Id, string Sql)> scripts)
    {
        var schema = new SqlServerSchema();
        foreach (var (id, sql) in scripts)
        {
            schema.Apply(id, sql);
        }
        return schema;
    }

    /// <summary>Validates the statements against the schema: the messages DacFx reports, per statement name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Check(IReadOnlyList<(string Name, string Sql)> statements)
    {
        using var model = new TSqlModel(SqlServerVersion.Sql160, new TSqlModelOptions());
        var generator = new Sql160ScriptGenerator(new SqlScriptGeneratorOptions { IncludeSemicolons = true });
        foreach (var definition in _tables.Values.Cast<TSqlStatement>().Concat(_indexes.Values.Select(i => i.Statement)).Concat(_others))
        {
            generator.GenerateScript(definition, out var text);
            model.AddObjects(text);
        }
        for (var i = 0; i < statements.Count; i++)
        {
            model.AddObjects(Procedure(i, SqlServer_statements_parse.Expanded(statements[i].Sql)));
        }

        var byStatement = statements.ToDictionary(s => s.Name, _ => new List<string>());
        foreach (var message in model.Validate().Where(m => m.MessageType == DacMessageType.Error || m.Message.Contains("unresolved reference", StringComparison.OrdinalIgnoreCase)))
        {
            var check = CheckName().Match(message.Message);
            var owner = check.Success ? statements[int.Parse(check.Groups[1].Value)].Name : "(schema)";
            if (!byStatement.TryGetValue(owner, out var list))
            {
                byStatement[owner] = list = [];
            }
            list.Add($"{message.Prefix}{message.Number}: {message.Message}");
        }
        return byStatement.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value);
    }

    private static string Procedure(int index, string sql)
    {
        var declared = DeclaredVariable().Matches(sql).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var parameters = Parameter().Matches(sql).Select(m => m.Groups[1].Value)
            .Where(p => !declared.Contains(p)).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(p => $"@{p} SQL_VARIANT");
        return $"CREATE PROCEDURE dbo.check_{index} {string.Join(", ", parameters)} AS{Environment.NewLine}BEGIN{Environment.NewLine}{sql}{Environment.NewLine}END;";
    }

    private void Apply(string scriptId, string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var script = (TSqlScript)parser.Parse(new StringReader(sql), out var errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{scriptId} does not parse: {errors[0].Message}");
        }
        foreach (var statement in script.Batches.SelectMany(b => b.Statements))
        {
            Apply(scriptId, statement);
        }
    }

    private void Apply(string scriptId, TSqlStatement statement)
    {
        switch (statement)
        {
            case CreateTableStatement create:
                _tables[Name(create.SchemaObjectName)] = create;
                break;
            case DropTableStatement drop:
                foreach (var table in drop.Objects.Select(Name))
                {
                    _tables.Remove(table);
                    foreach (var index in _indexes.Where(i => i.Value.Table.Equals(table, StringComparison.OrdinalIgnoreCase)).ToList())
                    {
                        _indexes.Remove(index.Key);
                    }
                }
                break;
            case AlterTableAddTableElementStatement add:
                var added = Table(scriptId, add.SchemaObjectName).Definition;
                foreach (var column in add.Definition.ColumnDefinitions) added.ColumnDefinitions.Add(column);
                foreach (var constraint in add.Definition.TableConstraints) added.TableConstraints.Add(constraint);
                foreach (var index in add.Definition.Indexes) added.Indexes.Add(index);
                break;
            case AlterTableDropTableElementStatement dropElements:
                var definition = Table(scriptId, dropElements.SchemaObjectName).Definition;
                foreach (var element in dropElements.AlterTableDropTableElements)
                {
                    var name = element.Name.Value;
                    Remove(definition.ColumnDefinitions, c => c.ColumnIdentifier.Value.Equals(name, StringComparison.OrdinalIgnoreCase));
                    Remove(definition.TableConstraints, c => c.ConstraintIdentifier?.Value.Equals(name, StringComparison.OrdinalIgnoreCase) == true);
                }
                break;
            case AlterTableAlterColumnStatement alter when alter.DataType is not null:
                var altered = Table(scriptId, alter.SchemaObjectName).Definition.ColumnDefinitions
                    .Single(c => c.ColumnIdentifier.Value.Equals(alter.ColumnIdentifier.Value, StringComparison.OrdinalIgnoreCase));
                altered.DataType = alter.DataType;
                break;
            case CreateIndexStatement index:
                _indexes[$"{Name(index.OnName)}.{index.Name.Value}"] = (Name(index.OnName), index);
                break;
            case DropIndexStatement dropIndex:
                foreach (var clause in dropIndex.DropIndexClauses.OfType<DropIndexClause>())
                {
                    _indexes.Remove($"{Name(clause.Object)}.{clause.Index.Value}");
                }
                break;
            case InsertStatement or UpdateStatement or DeleteStatement or MergeStatement or ExecuteStatement:
                // Data changes and dynamic SQL: they fill the schema, they do not shape it.
                break;
            default:
                // Any other definition (a view, a function, a type) goes to the model as written.
                _others.Add(statement);
                break;
        }
    }

    private CreateTableStatement Table(string scriptId, SchemaObjectName name) =>
        _tables.TryGetValue(Name(name), out var table) ? table
            : throw new InvalidOperationException($"{scriptId} alters {Name(name)}, which no earlier script creates.");

    private static void Remove<T>(IList<T> list, Func<T, bool> match)
    {
        foreach (var item in list.Where(match).ToList())
        {
            list.Remove(item);
        }
    }

    private static string Name(SchemaObjectName name) => $"{name.SchemaIdentifier?.Value ?? "dbo"}.{name.BaseIdentifier.Value}";

    [GeneratedRegex(@"\[check_(\d+)\]", RegexOptions.IgnoreCase)]
    private static partial Regex CheckName();

    [GeneratedRegex(@"(?<![@\w])@(\w+)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\bDECLARE\s+@(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex DeclaredVariable();
}
