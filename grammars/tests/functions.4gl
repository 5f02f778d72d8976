# SYNTAX TEST "source.4gl.logix" "function definitions and calls"

FUNCTION pol9001()
# <-------- meta.function.4gl storage.type.function.4gl
#        ^^^^^^^ meta.function.4gl entity.name.function.4gl
#               ^ meta.function.4gl punctuation.definition.parameters.begin.4gl
END FUNCTION
# <------------ storage.type.function.4gl

#-----------------------#
 FUNCTION pol9001_menu()
#^^^^^^^^ storage.type.function.4gl
#         ^^^^^^^^^^^^ meta.function.4gl entity.name.function.4gl
#-----------------------#
   function vdp9100_busca_rota(l_rota, l_den)
#  ^^^^^^^^ storage.type.function.4gl
#           ^^^^^^^^^^^^^^^^^^ meta.function.4gl entity.name.function.4gl
#                              ^^^^^^ meta.function.4gl variable.parameter.4gl
#                                    ^ punctuation.separator.comma.4gl
#                                      ^^^^^ variable.parameter.4gl
   end function
#  ^^^^^^^^^^^^ storage.type.function.4gl
	Function tab_indented()
#^^^^^^^^ storage.type.function.4gl
#         ^^^^^^^^^^^^ meta.function.4gl entity.name.function.4gl
End Function
# <------------ storage.type.function.4gl

 PRIVATE FUNCTION vdp9100_valid_situacao()
#^^^^^^^ meta.function.4gl storage.modifier.4gl
#        ^^^^^^^^ storage.type.function.4gl
#                 ^^^^^^^^^^^^^^^^^^^^^^ meta.function.4gl entity.name.function.4gl
private function vdp9100_priv()
# <------- storage.modifier.4gl
#       ^^^^^^^^ storage.type.function.4gl
#                ^^^^^^^^^^^^ meta.function.4gl entity.name.function.4gl
PUBLIC FUNCTION vdp9100_pub() # a comment after the header
# <------ storage.modifier.4gl
#               ^^^^^^^^^^^ meta.function.4gl entity.name.function.4gl
#                             ^^^^^^^^^^^ comment.line.number-sign.4gl
FUNCTION f_long(l_a,
#        ^^^^^^ meta.function.4gl entity.name.function.4gl
                l_b)
#               ^^^ - entity.name.function.4gl

 REPORT pol9001_relat(lr_saldo)
#^^^^^^ storage.type.function.4gl
#       ^^^^^^^^^^^^^ meta.function.4gl entity.name.function.4gl
#                     ^^^^^^^^ variable.parameter.4gl
END REPORT
# <---------- storage.type.function.4gl
report pol9001_lower(l_x)
# <------ storage.type.function.4gl
#      ^^^^^^^^^^^^^ meta.function.4gl entity.name.function.4gl

MAIN
# <---- meta.function.main.4gl storage.type.function.4gl
   START REPORT pol9001_relat TO "x.lst"
#               ^^^^^^^^^^^^^ - entity.name.function.4gl
   OUTPUT TO REPORT pol9001_relat(lr_saldo)
#            ^^^^^^ storage.type.function.4gl
#                   ^^^^^^^^^^^^^ meta.function-call.4gl entity.name.function.4gl
END MAIN
# <-------- storage.type.function.4gl

   CALL pol9001_menu()
#       ^^^^^^^^^^^^ meta.function-call.4gl entity.name.function.4gl
#                   ^ punctuation.section.parens.begin.4gl
#                    ^ punctuation.section.parens.end.4gl
   IF pol9001_consulta () THEN
#     ^^^^^^^^^^^^^^^^ meta.function-call.4gl entity.name.function.4gl - meta.function.4gl
   LET l_x = func002_versao_prg(p_versao) + x.metodo(1)
#            ^^^^^^^^^^^^^^^^^^ entity.name.function.4gl
#                               ^^^^^^^^ - entity.name.function.4gl
#                                             ^^^^^^ meta.function-call.4gl entity.name.function.4gl
   CALL LOG_connectDatabase("DEFAULT")
#       ^^^^^^^^^^^^^^^^^^^ meta.function-call.4gl entity.name.function.4gl - support.function.license.4gl
   IF (l_x) THEN
#  ^^ keyword.control.conditional.4gl - entity.name.function.4gl
