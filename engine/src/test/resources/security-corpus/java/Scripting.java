package demo;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;

public class Scripting {
    Object run(String userFormula) throws Exception {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("js");
        return engine.eval(userFormula); // expect: CDS-SEC-013
    }
}
