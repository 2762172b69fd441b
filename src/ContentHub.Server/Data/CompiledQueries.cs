using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ContentHub.Server.Data;

/// <summary>
/// Queries compiled once per shape (<see cref="EF.CompileAsyncQuery{TContext, TResult}(Expression{Func{TContext, IQueryable{TResult}}})"/>),
/// so a request of a known shape skips EF Core's expression walk, parameter extraction and cache lookup.
/// A query is built by a function of the context and a <typeparamref name="TValues"/> object; that function
/// decides its branches on the shape alone and reads every per-request value as a member of the values object inside
/// the query's expressions. Those members become the compiled query's parameters (see <see cref="QueryParameters"/>,
/// which refuses a captured object or a number handed to <c>Take</c>; a value written in as a constant is not caught).
/// Past <c>capacity</c> shapes, a new one runs as an ordinary query.
/// </summary>
public sealed class CompiledQueries<TShape, TValues, TResult>(int capacity)
    where TShape : notnull
    where TValues : class
{
    /// <summary>The overloads of <c>EF.CompileAsyncQuery</c> for a query of rows, by how many parameters they take besides the context.</summary>
    private static readonly Dictionary<int, MethodInfo> s_compileAsyncQuery = typeof(EF).GetMethods()
        .Where(m => m.Name == nameof(EF.CompileAsyncQuery) && ReturnsQuery(m))
        .ToDictionary(m => m.GetGenericArguments().Length - 2);

    // By model as well: EF Core refuses to run a compiled query on a context of another model (another provider).
    private readonly ConcurrentDictionary<(IModel Model, TShape Shape), Func<DbContext, TValues, IAsyncEnumerable<TResult>>> _compiled = new();

    /// <summary>How many shapes have been compiled.</summary>
    public int Count => _compiled.Count;

    /// <summary>The rows of the query <paramref name="build"/> writes for <paramref name="shape"/>, with <paramref name="values"/> as its parameters.</summary>
    public IAsyncEnumerable<TResult> Run<TContext>(TContext db, TShape shape, TValues values, Func<TContext, TValues, IQueryable<TResult>> build)
        where TContext : DbContext
    {
        if (_compiled.TryGetValue((db.Model, shape), out var compiled))
        {
            return compiled(db, values);
        }

        var query = build(db, values);
        if (_compiled.Count >= capacity)
        {
            return query.AsAsyncEnumerable();
        }

        compiled = Compile(query.Expression);
        _compiled.TryAdd((db.Model, shape), compiled);
        return compiled(db, values);
    }

    private static Func<DbContext, TValues, IAsyncEnumerable<TResult>> Compile(Expression query)
    {
        var context = Expression.Parameter(typeof(DbContext), "context");
        var (body, parameters) = QueryParameters.Extract(query, typeof(TValues), context);
        if (!s_compileAsyncQuery.TryGetValue(parameters.Count, out var compile))
        {
            throw new InvalidOperationException($"A compiled query takes at most {s_compileAsyncQuery.Keys.Max()} parameters; this one has {parameters.Count}.");
        }

        var lambda = Expression.Lambda(
            Expression.GetFuncType([context.Type, .. parameters.Select(p => p.Parameter.Type), typeof(IQueryable<TResult>)]),
            body,
            [context, .. parameters.Select(p => p.Parameter)]);
        compile = compile.MakeGenericMethod([typeof(DbContext), .. parameters.Select(p => p.Parameter.Type), typeof(TResult)]);
        var compiled = (Delegate)compile.Invoke(null, [lambda])!;

        // (context, values) => compiled(context, values.A, values.B, ...)
        var values = Expression.Parameter(typeof(TValues), "values");
        var call = Expression.Invoke(
            Expression.Constant(compiled),
            [context, .. parameters.Select(p => Expression.MakeMemberAccess(values, p.Member))]);
        return Expression.Lambda<Func<DbContext, TValues, IAsyncEnumerable<TResult>>>(call, context, values).Compile();
    }

    /// <summary>Whether <paramref name="overload"/> compiles an <c>Expression&lt;Func&lt;TContext, …, IQueryable&lt;TResult&gt;&gt;&gt;</c>.</summary>
    private static bool ReturnsQuery(MethodInfo overload)
    {
        var returned = overload.GetParameters()[0].ParameterType.GetGenericArguments()[0].GetGenericArguments()[^1];
        return returned.IsGenericType && returned.GetGenericTypeDefinition() == typeof(IQueryable<>);
    }
}
