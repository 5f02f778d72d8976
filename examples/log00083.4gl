#-------------------------------------------------------------------#
# SISTEMA.: LOGIX - FRAMEWORK                                       #
# PROGRAMA: log00083 - PROGRAMA LIVRE DE LICENÇA (exemplo sintético)#
#-------------------------------------------------------------------#
DATABASE logix

#-------------------#
 FUNCTION log00083()
#-------------------#
   IF LOG_initApp("PADRAO") <> 0 THEN
      RETURN
   END IF

   CALL log00083_mostra_versao()
END FUNCTION

#----------------------------------#
 FUNCTION log00083_mostra_versao()
#----------------------------------#
   DISPLAY "Versão do Framework Logix" AT 1,1
END FUNCTION
