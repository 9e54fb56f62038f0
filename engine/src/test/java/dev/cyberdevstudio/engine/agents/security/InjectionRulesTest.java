package dev.cyberdevstudio.engine.agents.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.agents.security.injection.CodeEvalRule;
import dev.cyberdevstudio.engine.agents.security.injection.CommandInjectionRule;
import dev.cyberdevstudio.engine.agents.security.injection.PathTraversalRule;
import dev.cyberdevstudio.engine.agents.security.injection.SqlInjectionRule;
import dev.cyberdevstudio.engine.agents.security.injection.UnsafeDeserializationRule;
import dev.cyberdevstudio.engine.agents.security.injection.XxeRule;
import org.junit.jupiter.api.Test;

class InjectionRulesTest {

    private final SqlInjectionRule sql = new SqlInjectionRule();
    private final CommandInjectionRule command = new CommandInjectionRule();
    private final PathTraversalRule path = new PathTraversalRule();
    private final CodeEvalRule eval = new CodeEvalRule();
    private final UnsafeDeserializationRule deserialization = new UnsafeDeserializationRule();
    private final XxeRule xxe = new XxeRule();

    @Test
    void findsSqlBuiltInTheCallOrInAVariableAcrossLanguages() {
        var java = """
                class Dao {
                    Object a(String name) { return st.executeQuery("SELECT * FROM t WHERE n = '" + name + "'"); }
                    Object b(String id) {
                        String q = "SELECT * FROM t WHERE id = " + id;
                        q += " ORDER BY id";
                        return st.executeQuery(q);
                    }
                    Object c(String id) { return st.executeQuery(String.format("DELETE FROM t WHERE id = %s", id)); }
                }
                """;
        assertThat(Scans.lines(sql, "Dao.java", java)).containsExactly(2, 6, 8);
        var python = """
                cur.execute(f"SELECT * FROM t WHERE n = '{name}'")
                cur.execute("SELECT * FROM t WHERE id = %s" % ident)
                cur.execute("UPDATE t SET n = '{}'".format(name))
                """;
        assertThat(Scans.lines(sql, "db.py", python)).containsExactly(1, 2, 3);
        var javascript = "db.query(`SELECT * FROM t WHERE id = ${req.query.id}`, done);\n";
        assertThat(Scans.lines(sql, "db.js", javascript)).containsExactly(1);
        var go = "rows, _ := db.Query(\"SELECT * FROM t WHERE id = \" + id)\n";
        assertThat(Scans.lines(sql, "db.go", go)).containsExactly(1);
    }

    @Test
    void passesParameterizedQueriesConstantsNumbersAndCommentedCode() {
        var java = """
                class Dao {
                    private static final String TABLE = "t";
                    Object a(String name) {
                        var st = c.prepareStatement("SELECT * FROM t WHERE n = ?");
                        st.setString(1, name);
                        return st.executeQuery();
                    }
                    Object b() { return st.executeQuery("SELECT * FROM " + TABLE + " ORDER BY id"); }
                    Object c(int limit) { return st.executeQuery("SELECT * FROM t LIMIT " + limit); }
                    // st.executeQuery("SELECT * FROM t WHERE n = '" + name + "'");
                    void d(Runnable r) { pool.execute(() -> log("select " + r)); }
                }
                """;
        assertThat(Scans.run(sql, "Dao.java", java)).isEmpty();
        var python = """
                cur.execute("SELECT * FROM t WHERE id = %s", (ident,))
                cur.execute("SELECT * FROM t WHERE id = ?", [ident])
                print(f"select from the menu: {item}")
                """;
        assertThat(Scans.run(sql, "db.py", python)).isEmpty();
        var javascript = "app.get('/u', (req, res) => db.query('SELECT * FROM t WHERE id = ?', [req.query.id]));\n";
        assertThat(Scans.run(sql, "app.js", javascript)).isEmpty();
    }

    @Test
    void findsCommandsBuiltFromValuesAndRunByAShell() {
        var java = """
                class Run {
                    Process a(String host) throws Exception { return Runtime.getRuntime().exec("ping " + host); }
                    Process b(String dir) { return new ProcessBuilder("sh", "-c", "ls " + dir).start(); }
                }
                """;
        assertThat(Scans.lines(command, "Run.java", java)).containsExactly(2, 3);
        var python = """
                import os, subprocess
                os.system("tar czf out.tgz " + path)
                subprocess.run(f"convert {src} out.png", shell=True)
                os.popen(cmd)
                subprocess.call(["sh", "-c", user_command])
                """;
        assertThat(Scans.lines(command, "tasks.py", python)).containsExactly(2, 3, 4, 5);
        var javascript = """
                const { exec } = require("child_process");
                exec(`ping -c 1 ${host}`);
                const line = "convert " + input;
                exec(line);
                """;
        assertThat(Scans.lines(command, "run.js", javascript)).containsExactly(2, 4);
        var go = "out, _ := exec.Command(\"bash\", \"-c\", \"ping \"+host).Output()\n";
        assertThat(Scans.lines(command, "run.go", go)).containsExactly(1);
    }

    @Test
    void passesArgumentListsLiteralsAndRegexExec() {
        var java = """
                class Run {
                    Process a(String host) { return new ProcessBuilder("ping", "-c", "1", host).start(); }
                    Process b() throws Exception { return Runtime.getRuntime().exec(new String[] {"uptime"}); }
                }
                """;
        assertThat(Scans.run(command, "Run.java", java)).isEmpty();
        var python = """
                import os, subprocess
                subprocess.run(["tar", "czf", "out.tgz", path], check=True)
                os.system("clear")
                subprocess.run("ls -l", shell=True)
                """;
        assertThat(Scans.run(command, "tasks.py", python)).isEmpty();
        var javascript = """
                const { execFile } = require("child_process");
                execFile("ping", ["-c", "1", host]);
                const m = /^(\\d+)$/.exec(input + "x");
                """;
        assertThat(Scans.run(command, "run.js", javascript)).isEmpty();
        assertThat(Scans.run(command, "plain.js", "pattern.exec(`${text}`);\n")).isEmpty();
    }

    @Test
    void followsRequestInputIntoFileApis() {
        var java = """
                class Files1 {
                    byte[] a(HttpServletRequest request) throws Exception {
                        String name = request.getParameter("f");
                        return Files.readAllBytes(Paths.get("/srv", name));
                    }
                    File b(HttpServletRequest request) { return new File("/srv/" + request.getParameter("f")); }
                    byte[] c(@RequestParam String name) throws Exception { return Files.readAllBytes(Path.of(name)); }
                }
                """;
        assertThat(Scans.lines(path, "Files1.java", java)).containsExactly(4, 6, 7);
        var python = """
                from flask import request, send_file
                def a():
                    name = request.args.get("name")
                    full = os.path.join(BASE, name)
                    return send_file(full)
                """;
        assertThat(Scans.lines(path, "views.py", python)).containsExactly(5);
        var go = """
                func f(w http.ResponseWriter, r *http.Request) {
                	name := r.URL.Query().Get("name")
                	data, _ := os.ReadFile(filepath.Join("/srv", name))
                }
                """;
        assertThat(Scans.lines(path, "files.go", go)).containsExactly(3);
    }

    @Test
    void passesSanitizedGuardedAndConstantPaths() {
        var java = """
                class Files2 {
                    byte[] a(HttpServletRequest request) throws Exception {
                        String name = Path.of(request.getParameter("f")).getFileName().toString();
                        return Files.readAllBytes(base.resolve(name));
                    }
                    byte[] b(HttpServletRequest request) throws Exception {
                        Path p = base.resolve(request.getParameter("f")).normalize();
                        if (!p.startsWith(base)) throw new SecurityException("outside");
                        return Files.readAllBytes(p);
                    }
                    byte[] c() throws Exception { return Files.readAllBytes(Path.of("/etc/app.yml")); }
                }
                """;
        assertThat(Scans.run(path, "Files2.java", java)).isEmpty();
        var python = """
                from flask import request
                from werkzeug.utils import secure_filename
                def a():
                    name = secure_filename(request.args.get("name"))
                    return open(os.path.join(BASE, name)).read()
                """;
        assertThat(Scans.run(path, "views.py", python)).isEmpty();
        var noRequest = "def read(name):\n    return open(name).read()\n";
        assertThat(Scans.run(path, "util.py", noRequest)).isEmpty();
    }

    @Test
    void findsEvalOfNonConstantStrings() {
        assertThat(Scans.lines(eval, "calc.py", "eval(expr)\nexec(code)\neval('1 + 1')\nast.literal_eval(x)\n"
                + "model.eval()\n")).containsExactly(1, 2);
        assertThat(Scans.lines(eval, "calc.js", "eval(input);\nconst f = new Function('a', body);\n"
                + "setTimeout('tick(' + n + ')', 10);\nsetTimeout(() => tick(n), 10);\nJSON.parse(input);\n"))
                .containsExactly(1, 2, 3);
        assertThat(Scans.lines(eval, "run.sh", "#!/bin/sh\neval \"$1\"\necho \"eval $1\"\n# eval $2\n"))
                .containsExactly(2);
        var java = """
                import javax.script.ScriptEngine;
                class S { Object run(ScriptEngine engine, String formula) { return engine.eval(formula); } }
                """;
        assertThat(Scans.lines(eval, "S.java", java)).containsExactly(2);
        assertThat(Scans.run(eval, "M.java", "class M { void f(Model m) { m.eval(x); } }\n")).isEmpty();
    }

    @Test
    void findsUnsafeDeserializersAndPassesSafeOnes() {
        var python = """
                import pickle, yaml
                pickle.loads(blob)
                yaml.load(text)
                yaml.load(text, Loader=yaml.FullLoader)
                yaml.unsafe_load(text)
                yaml.load(text, Loader=yaml.SafeLoader)
                yaml.safe_load(text)
                """;
        assertThat(Scans.lines(deserialization, "load.py", python)).containsExactly(2, 3, 4, 5);
        var java = """
                import java.io.ObjectInputStream;
                class D {
                    Object read(ObjectInputStream in) throws Exception { return in.readObject(); }
                    void typing(ObjectMapper m) { m.activateDefaultTyping(m.getPolymorphicTypeValidator()); }
                }
                """;
        assertThat(Scans.lines(deserialization, "D.java", java)).containsExactly(3, 4);
        var filtered = """
                import java.io.ObjectInputStream;
                class D {
                    Object read(ObjectInputStream in) throws Exception {
                        in.setObjectInputFilter(filter);
                        return in.readObject();
                    }
                }
                """;
        assertThat(Scans.run(deserialization, "D.java", filtered)).isEmpty();
        assertThat(Scans.lines(deserialization, "s.js", "const s = require('node-serialize');\ns.unserialize(body);\n"))
                .containsExactly(2);
        assertThat(Scans.run(deserialization, "t.js", "php.unserialize(body);\n")).isEmpty();
    }

    @Test
    void findsXmlParsersLeftWithExternalEntities() {
        var open = "class X { Object f() { return DocumentBuilderFactory.newInstance(); } }\n";
        assertThat(Scans.lines(xxe, "X.java", open)).containsExactly(1);
        var hardened = """
                class X {
                    Object f() throws Exception {
                        var factory = DocumentBuilderFactory.newInstance();
                        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                        return factory;
                    }
                }
                """;
        assertThat(Scans.run(xxe, "X.java", hardened)).isEmpty();
        assertThat(Scans.lines(xxe, "x.py", "p = etree.XMLParser(resolve_entities=True)\n"
                + "q = etree.XMLParser(resolve_entities=False)\n")).containsExactly(1);
    }
}
